# `nix develop`: what the README's commands need.
{
  lib,
  mkShellNoCC,
  nodejs_24,
  biome,
  docker-compose,
  grafana-alloy,
  jq,
  nixfmt,
}:
mkShellNoCC {
  packages = [
    nodejs_24
    biome
    docker-compose
    grafana-alloy # `alloy fmt` / `alloy validate infra/alloy/config.alloy`
    jq
    nixfmt
  ];

  # npm's Biome binary is built for other Linux distributions' loader; the npm wrapper runs
  # this one instead (BIOME_BINARY is Biome's own override).
  BIOME_BINARY = lib.getExe biome;

  shellHook = ''
    echo "RoboShpee dev shell: node $(node --version), biome $(biome --version | cut -d' ' -f2)"
    pinned=$(jq -r '.devDependencies["@biomejs/biome"]' package.json 2>/dev/null)
    if [ -n "$pinned" ] && ! biome --version | grep -qF "$pinned"; then
      echo "note: package.json pins Biome $pinned; formatting may differ slightly"
    fi
    echo
    echo "  docker compose up        # the stack and the bot, Grafana on http://localhost:3000"
    echo "  npm ci && npm test       # the tests that need no Docker"
  '';
}
