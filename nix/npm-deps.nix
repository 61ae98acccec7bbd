# The project's npm dependencies in the form importNpmLock's npmConfigHook installs from: a
# package.json and package-lock.json whose entries point at tarballs in the Nix store.
{
  lib,
  stdenvNoCC,
  runCommand,
  nodejs,
  cacert,
}:
let
  inherit (import ./npm-tarballs.nix { }) tarballs files;

  # Fixed-output: npm fetches each name@version from its configured registry and the output
  # hash pins the bytes. test/nix/npm-deps.test.ts recomputes that hash from
  # package-lock.json, so changing the lockfile without updating nix/npm-deps-hash.nix fails
  # `npm test` instead of a later `nix build`.
  fetched = stdenvNoCC.mkDerivation {
    name = "roboshpee-npm-tarballs";
    nativeBuildInputs = [ nodejs ];
    impureEnvVars = lib.fetchers.proxyImpureEnvVars;

    tarballList = lib.concatMapStrings (
      file: "${tarballs.${file}.spec} ${tarballs.${file}.integrity} ${file}\n"
    ) (builtins.attrNames tarballs);
    passAsFile = [ "tarballList" ];

    # npm checks each download against the registry's integrity; the copy below finds it by
    # the lockfile's integrity in npm's content-addressed cache (cacache layout).
    buildCommand = ''
      export HOME="$TMPDIR" npm_config_cache="$TMPDIR/npm-cache" npm_config_update_notifier=false
      export npm_config_cafile=${cacert}/etc/ssl/certs/ca-bundle.crt
      cut -d' ' -f1 "$tarballListPath" | xargs npm cache add --loglevel=warn
      mkdir "$out"
      while read -r spec integrity file; do
        hex=$(printf '%s' "''${integrity#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
        cp "$npm_config_cache/_cacache/content-v2/sha512/''${hex:0:2}/''${hex:2:2}/''${hex:4}" "$out/$file" \
          || { echo "$spec: no tarball with integrity $integrity" >&2; exit 1; }
      done < "$tarballListPath"
    '';

    outputHashMode = "recursive";
    outputHash = import ./npm-deps-hash.nix;
  };

  resolvedOf = path: "file:${fetched}/${files.${path}}";

  lock = lib.importJSON ../package-lock.json;
  lock' = lock // {
    packages = lib.mapAttrs (
      path: entry: if files ? ${path} then entry // { resolved = resolvedOf path; } else entry
    ) lock.packages;
  };

  # As importNpmLock does: direct dependencies name the same store tarballs, so npm does not
  # try to resolve package.json's registry versions again.
  package = lib.importJSON ../package.json;
  pointAtStore = lib.mapAttrs (name: _: resolvedOf "node_modules/${name}");
  package' =
    package
    // lib.optionalAttrs (package ? dependencies) { dependencies = pointAtStore package.dependencies; }
    // lib.optionalAttrs (package ? devDependencies) {
      devDependencies = pointAtStore package.devDependencies;
    };
in
runCommand "roboshpee-npm-deps"
  {
    package = builtins.toJSON package';
    packageLock = builtins.toJSON lock';
    passAsFile = [
      "package"
      "packageLock"
    ];
    passthru.tarballs = fetched;
  }
  ''
    mkdir "$out"
    cp "$packagePath" "$out/package.json"
    cp "$packageLockPath" "$out/package-lock.json"
  ''
