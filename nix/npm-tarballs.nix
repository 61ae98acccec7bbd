# Which registry tarballs package-lock.json asks for, and under which file name each one is
# kept. Builtins only (no nixpkgs), so the project's tests can evaluate it with a bare
# `nix-instantiate --eval`.
#
# Why not nixpkgs' fetchNpmDeps or importNpmLock: both fetch from each entry's `resolved`
# URL, and this project's lockfile has none (npm writes none when
# `omit-lockfile-registry-resolved` is set): fetchNpmDeps would cache nothing and importNpmLock
# would fetch nothing. Instead npm itself fetches every `name@version`
# (nix/npm-deps.nix), and the lockfile's `integrity` vouches for each tarball.
{
  lockfile ? ../package-lock.json,
}:
let
  lock = builtins.fromJSON (builtins.readFile lockfile);

  # "node_modules/a/node_modules/@s/b" installs package "@s/b"; an alias entry
  # ("node_modules/x-cjs" for "npm:x@1") names the real package in `name`.
  nameOf =
    path: entry:
    if entry ? name then
      entry.name
    else
      builtins.head (builtins.match ".*node_modules/((@[^/]+/)?[^/]+)" path);

  fileOf =
    name: version: "${builtins.replaceStrings [ "/" ] [ "+" ] name}-${version}.tgz";

  fetched =
    path: entry:
    let
      name = nameOf path entry;
    in
    if entry ? resolved && entry.resolved != null then
      throw "${path}: resolved from ${entry.resolved}; only registry packages (no `resolved`) are supported"
    else if !(entry ? integrity) then
      throw "${path}: no integrity in package-lock.json; run `npm install` to record one"
    else
      {
        inherit path;
        file = fileOf name entry.version;
        spec = "${name}@${entry.version}";
        inherit (entry) integrity;
      };

  # The root project, workspace packages (their source is in the repository: entries outside
  # node_modules), links to them and dependencies bundled inside another tarball are not
  # fetched on their own.
  isWorkspace = path: builtins.match "(.*/)?node_modules/.*" path == null;
  isFetched =
    path: entry:
    path != "" && !(isWorkspace path) && !(entry.link or false) && !(entry.inBundle or false);

  entries = builtins.filter (x: x != null) (
    map (
      path:
      let
        entry = lock.packages.${path};
      in
      if isFetched path entry then fetched path entry else null
    ) (builtins.attrNames lock.packages)
  );
in
{
  # file name -> { spec, integrity }; one file per name@version however often it is installed.
  tarballs = builtins.listToAttrs (
    map (e: {
      name = e.file;
      value = { inherit (e) spec integrity; };
    }) entries
  );

  # lockfile path ("node_modules/...") -> file name, to point each entry at its tarball.
  files = builtins.listToAttrs (
    map (e: {
      name = e.path;
      value = e.file;
    }) entries
  );
}
