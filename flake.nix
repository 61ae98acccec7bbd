{
  description = "RoboShpee, a Discord game-role bot, and the Grafana LGTM stack that observes it";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];
      forEachSystem = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});
    in
    {
      packages = forEachSystem (pkgs: {
        default = self.packages.${pkgs.stdenv.hostPlatform.system}.roboshpee;
        roboshpee = pkgs.callPackage ./nix/package.nix { };
      });

      apps = forEachSystem (pkgs: {
        # Without DISCORD_TOKEN in the environment the bot starts in demo mode.
        default = {
          type = "app";
          program = nixpkgs.lib.getExe self.packages.${pkgs.stdenv.hostPlatform.system}.roboshpee;
          meta.description = "Run RoboShpee (demo mode without DISCORD_TOKEN)";
        };
      });

      devShells = forEachSystem (pkgs: {
        default = pkgs.callPackage ./nix/devshell.nix { };
      });

      checks = forEachSystem (
        pkgs:
        let
          roboshpee = self.packages.${pkgs.stdenv.hostPlatform.system}.roboshpee;
        in
        {
          build = roboshpee;
          tests = pkgs.callPackage ./nix/checks.nix { inherit roboshpee; };
        }
        // nixpkgs.lib.optionalAttrs pkgs.stdenv.hostPlatform.isLinux {
          # A QEMU VM: needs KVM on the machine that runs `nix flake check`.
          vm = pkgs.callPackage ./nix/vm-test.nix { inherit roboshpee; };
        }
      );

      formatter = forEachSystem (pkgs: pkgs.nixfmt);

      nixosModules.default =
        { lib, pkgs, ... }:
        {
          imports = [ ./nix/module.nix ];
          # nixpkgs has no roboshpee: the module's package defaults to this flake's build.
          services.roboshpee.package = lib.mkDefault self.packages.${pkgs.stdenv.hostPlatform.system}.roboshpee;
        };
    };
}
