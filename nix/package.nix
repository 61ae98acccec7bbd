# The bot: compiled by `npm run build`, installed with its production dependencies only, and
# started through a wrapper that preloads the telemetry module (as `npm start` does).
{
  lib,
  buildNpmPackage,
  callPackage,
  importNpmLock,
  makeWrapper,
  nodejs_24,
}:
let
  manifest = lib.importJSON ../package.json;
  nodejs = nodejs_24;
in
buildNpmPackage (finalAttrs: {
  pname = "roboshpee";
  inherit (manifest) version;
  inherit nodejs;

  # Only what the build reads, so editing docs, dashboards or infra does not rebuild the bot.
  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.unions [
      ../package.json
      ../package-lock.json
      ../tsconfig.json
      ../packages/discord-double/package.json
      ../packages/discord-double/tsconfig.build.json
      ../packages/discord-double/src
      ../bot/package.json
      ../bot/tsconfig.build.json
      ../bot/src
    ];
  };

  npmDeps = callPackage ./npm-deps.nix { inherit nodejs; };
  npmConfigHook = importNpmLock.npmConfigHook;

  # package.json's allowScripts denies every install script in the tree (protobufjs, ssh2,
  # cpu-features, @datadog/pprof's no-op); skipping them here keeps the Nix build the same as
  # `npm ci`.
  npmFlags = [ "--ignore-scripts" ];

  nativeBuildInputs = [ makeWrapper ];

  # npm's own install hook packs the project with `npm pack`, which would drop bot/dist
  # (.gitignore) and ship everything else; the bot needs only this.
  installPhase = ''
    runHook preInstall

    # The root lists tooling only (devDependencies): what is left is the runtime dependencies
    # of the workspaces, the bot's (bot/package.json) and the Discord double's it depends on.
    # (npm prune has no workspace filter; bot/Dockerfile's `npm ci --workspace` would need the
    # registry, which the sandbox does not have once npmConfigHook restored the lockfile.)
    npm prune --omit=dev --no-save $npmFlags
    find node_modules -maxdepth 1 -type d -empty -delete

    app="$out/lib/roboshpee"
    mkdir -p "$app/bot"
    # bot/package.json carries "type": "module", which makes bot/dist/*.js ES modules.
    cp bot/package.json "$app/bot/"
    cp -r bot/dist "$app/bot/dist"
    cp -r node_modules "$app/node_modules"
    # node_modules/@roboshpee/discord-double is a link to the workspace package: ship what
    # it points at (manifest and build) beside it.
    mkdir -p "$app/packages/discord-double"
    cp packages/discord-double/package.json "$app/packages/discord-double/"
    cp -r packages/discord-double/dist "$app/packages/discord-double/dist"

    for entry in preload.js main.js register.js; do
      test -f "$app/bot/dist/$entry" || { echo "missing bot/dist/$entry after npm run build" >&2; exit 1; }
    done

    makeWrapper ${lib.getExe nodejs} "$out/bin/roboshpee" \
      --add-flags "--import $app/bot/dist/preload.js $app/bot/dist/main.js"
    makeWrapper ${lib.getExe nodejs} "$out/bin/roboshpee-register" \
      --add-flags "$app/bot/dist/register.js"

    runHook postInstall
  '';

  passthru = {
    inherit nodejs;
    npmTarballs = finalAttrs.npmDeps.tarballs;
  };

  meta = {
    description = manifest.description;
    license = lib.licenses.asl20;
    mainProgram = "roboshpee";
    platforms = lib.platforms.linux ++ lib.platforms.darwin;
  };
})
