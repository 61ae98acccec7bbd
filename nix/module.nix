# services.roboshpee: the bot as a hardened systemd service whose stdout (JSON logs) journald
# keeps, and optionally Grafana Alloy on the same host with the project's config reading that
# journal and forwarding the bot's OTLP traces and metrics.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.roboshpee;
  inherit (lib)
    literalExpression
    mkEnableOption
    mkIf
    mkMerge
    mkOption
    types
    ;

  # The bot bounds its own shutdown (telemetry flush included) by this; systemd waits a
  # little longer before it sends SIGKILL, so a slow flush is not cut short.
  shutdownTimeoutMs =
    let
      raw = cfg.extraEnvironment.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS or "10000";
    in
    if builtins.match "[0-9]+" raw != null then
      lib.toInt raw
    else
      throw "services.roboshpee.extraEnvironment.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, got \"${raw}\"";
in
{
  options.services.roboshpee = {
    enable = mkEnableOption "RoboShpee, the Discord game-role bot";

    package = mkOption {
      type = types.package;
      default = pkgs.callPackage ./package.nix { };
      defaultText = literalExpression "pkgs.callPackage ./nix/package.nix { }";
      description = "The RoboShpee package to run (its `roboshpee` program preloads telemetry).";
    };

    environmentFile = mkOption {
      # A string, never a Nix path: a path literal would be copied into the world-readable store.
      type = types.nullOr (types.strMatching "/.+");
      default = null;
      example = "/run/secrets/roboshpee.env";
      description = ''
        File with `DISCORD_TOKEN=...` (and any other secret variable), read by systemd as root
        before the service drops privileges, so it can be owned by root with mode 0400.
        Write it with sops-nix or agenix; it must not live in the Nix store.
        Without it the bot has no token and can only run in demo mode.
      '';
    };

    otlpEndpoint = mkOption {
      type = types.str;
      default = "http://127.0.0.1:4317";
      example = "http://alloy.internal:4317";
      description = ''
        OTLP gRPC endpoint for traces and metrics (`OTEL_EXPORTER_OTLP_ENDPOINT`); `http://`
        means no TLS. The default is the Alloy that `alloy.enable` runs on this host.
        Logs do not go over OTLP: they are the service's stdout, kept by journald.
      '';
    };

    demo = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Run against the bot's built-in simulated Discord (`ROBOSHPEE_DEMO=true`) instead of
        Discord: no token needed, interactions generated locally.
      '';
    };

    extraEnvironment = mkOption {
      type = types.attrsOf types.str;
      default = { };
      example = {
        LOG_LEVEL = "debug";
        DISCORD_GUILD_ID = "123456789012345678";
        OTEL_RESOURCE_ATTRIBUTES = "deployment.environment.name=homelab";
      };
      description = ''
        More environment variables for the bot (see the README for the list). Not for
        secrets: these end up in the Nix store; use `environmentFile` instead.
      '';
    };

    alloy = {
      enable = mkEnableOption ''
        Grafana Alloy on this host (`services.alloy`) with the project's config
        (`infra/alloy/config.alloy`) in journald mode: it receives the bot's OTLP on port
        4317 and ships the bot's journal lines to Loki. The NixOS firewall keeps the OTLP
        ports closed to other hosts unless you open them'';

      environment = mkOption {
        type = types.attrsOf types.str;
        default = { };
        example = {
          TEMPO_OTLP_GRPC_ENDPOINT = "tempo.internal:4317";
          LOKI_OTLP_ENDPOINT = "http://loki.internal:3100/otlp";
          LOKI_PUSH_URL = "http://loki.internal:3100/loki/api/v1/push";
          MIMIR_OTLP_ENDPOINT = "http://mimir.internal:9009/otlp";
          MIMIR_REMOTE_WRITE_URL = "http://mimir.internal:9009/api/v1/push";
        };
        description = ''
          Where Alloy sends what it collects: the backend variables that
          `infra/alloy/config.alloy` reads (its defaults are the compose service names).
          Credentials (`*_USERNAME`, `*_PASSWORD`) belong in `alloy.environmentFile`.
        '';
      };

      environmentFile = mkOption {
        type = types.nullOr (types.strMatching "/.+");
        default = null;
        example = "/run/secrets/alloy.env";
        description = "File with the backends' credentials for Alloy, kept out of the Nix store.";
      };
    };
  };

  config = mkIf cfg.enable (mkMerge [
    {
      assertions = [
        {
          assertion = cfg.demo || cfg.environmentFile != null;
          message = "services.roboshpee: set environmentFile (with DISCORD_TOKEN) or demo = true.";
        }
        {
          assertion = !(cfg.extraEnvironment ? DISCORD_TOKEN);
          message = "services.roboshpee.extraEnvironment.DISCORD_TOKEN would put the token in the Nix store; use environmentFile.";
        }
        {
          assertion =
            cfg.environmentFile == null || !(lib.hasPrefix builtins.storeDir cfg.environmentFile);
          message = "services.roboshpee.environmentFile is in the Nix store, which every user can read.";
        }
      ];

      systemd.services.roboshpee = {
        description = "RoboShpee Discord game-role bot";
        wantedBy = [ "multi-user.target" ];
        wants = [ "network-online.target" ];
        after = [ "network-online.target" ];

        environment = {
          ROBOSHPEE_DEMO = lib.boolToString cfg.demo;
          OTEL_EXPORTER_OTLP_ENDPOINT = cfg.otlpEndpoint;
          # journald already keeps stdout (and Alloy forwards it): sending logs over OTLP too
          # would store every line twice.
          ROBOSHPEE_OTLP_LOGS = "false";
        }
        // cfg.extraEnvironment;

        serviceConfig = {
          ExecStart = lib.getExe cfg.package;
          EnvironmentFile = lib.optional (cfg.environmentFile != null) cfg.environmentFile;
          Restart = "on-failure";
          RestartSec = 5;
          TimeoutStopSec = shutdownTimeoutMs / 1000 + 15;

          DynamicUser = true;
          NoNewPrivileges = true;
          CapabilityBoundingSet = "";
          ProtectSystem = "strict";
          ProtectHome = true;
          PrivateTmp = true;
          PrivateDevices = true;
          ProtectKernelTunables = true;
          ProtectKernelModules = true;
          ProtectKernelLogs = true;
          ProtectControlGroups = true;
          ProtectClock = true;
          ProtectHostname = true;
          ProtectProc = "invisible";
          # The bot talks to Discord (or its local double) and to the OTLP endpoint: IP and
          # Unix sockets only.
          RestrictAddressFamilies = [
            "AF_INET"
            "AF_INET6"
            "AF_UNIX"
          ];
          RestrictNamespaces = true;
          RestrictRealtime = true;
          RestrictSUIDSGID = true;
          LockPersonality = true;
          SystemCallArchitectures = "native";
          SystemCallFilter = [
            "@system-service"
            "~@privileged"
          ];
          UMask = "0077";
          # MemoryDenyWriteExecute is left off: V8's JIT needs writable executable memory.
        };
      };
    }

    (mkIf cfg.alloy.enable {
      services.alloy = {
        enable = true;
        configPath = ../infra/alloy/config.alloy;
      };

      systemd.services.alloy = {
        environment = {
          # infra/alloy/config.alloy imports modules/journal-on.alloy from this directory.
          ALLOY_JOURNAL = "on";
          ALLOY_MODULES_DIR = "${../infra/alloy/modules}";
        }
        // cfg.alloy.environment;
        serviceConfig.EnvironmentFile = lib.optional (
          cfg.alloy.environmentFile != null
        ) cfg.alloy.environmentFile;
      };

      systemd.services.roboshpee = {
        wants = [ "alloy.service" ];
        after = [ "alloy.service" ];
      };
    })
  ]);
}
