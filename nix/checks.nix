# The project's own static and unit tests (`npm test`) inside the Nix sandbox, against the
# same dependencies the package is built from.
{
  lib,
  stdenv,
  autoPatchelfHook,
  grafana-alloy,
  nix,
  roboshpee,
}:
roboshpee.overrideAttrs (old: {
  pname = "roboshpee-tests";

  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.difference ../. (
      lib.fileset.unions (
        map lib.fileset.maybeMissing [
          ../node_modules
          ../bot/dist
          ../packages/discord-double/dist
          ../.git
        ]
      )
    );
  };

  nativeBuildInputs = old.nativeBuildInputs ++ [ autoPatchelfHook ];
  # The pinned Biome binary and the native addons vitest loads (rolldown, lightningcss) are
  # built for an FHS glibc; autoPatchelf points them at the store's.
  buildInputs = (old.buildInputs or [ ]) ++ [ stdenv.cc.cc.lib ];
  nativeCheckInputs = [
    grafana-alloy
    nix
  ];

  doCheck = true;
  checkPhase = ''
    runHook preCheck

    autoPatchelf node_modules

    # nix-instantiate (the .nix parse and evaluation tests) with a throwaway store.
    export NIX_STATE_DIR="$TMPDIR/nix/var" NIX_STORE_DIR="$TMPDIR/nix/store"
    export NIX_LOG_DIR="$TMPDIR/nix/log" NIX_CONF_DIR="$TMPDIR/nix/etc"
    nix-store --init

    npm run lint
    # The dependency-hash test is left out: it needs npm's network cache, and Nix has just
    # checked that hash itself by fetching the tarballs.
    npx vitest run --exclude test/nix/npm-deps.test.ts

    runHook postCheck
  '';

  installPhase = ''
    touch "$out"
  '';
})
