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
    mkEnableOption
    mkIf
    mkMerge
    mkOption
    mkPackageOption
    mkRenamedOptionModule
    types
    ;

  # The unit's environment holds strings only: settings' booleans and numbers as the bot
  # parses them.
  environmentValue = value: if builtins.isBool value then lib.boolToString value else toString value;

  # Variables a typed option owns: set twice, one of the two would silently lose.
  ownedVariables = {
    DISCORD_TOKEN = "tokenFile (the token must stay out of the Nix store)";
    DISCORD_TOKEN_FILE = "tokenFile";
    ROBOSHPEE_DEMO = "demo";
    OTEL_EXPORTER_OTLP_ENDPOINT = "otlpEndpoint";
  };

  # The bot bounds its own shutdown (telemetry flush included) by this; systemd waits a
  # little longer before it sends SIGKILL, so a slow flush is not cut short.
  shutdownTimeoutMs =
    let
      raw = environmentValue (cfg.settings.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS or 10000);
    in
    if builtins.match "[0-9]+" raw != null then
      lib.toInt raw
    else
      throw "services.roboshpee.settings.ROBOSHPEE_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds, got \"${raw}\"";

  # A string, never a Nix path: a path literal would be copied into the world-readable store.
  secretPath = types.nullOr (types.strMatching "/.+");
in
{
  imports = [
    (mkRenamedOptionModule
      [ "services" "roboshpee" "extraEnvironment" ]
      [ "services" "roboshpee" "settings" ]
    )
  ];

  options.services.roboshpee = {
    enable = mkEnableOption "RoboShpee, the Discord game-role bot";

    # nixpkgs has no roboshpee: the flake's nixosModules.default sets this to the flake's
    # build; a configuration that imports this file alone sets it (or adds pkgs.roboshpee).
    package = mkPackageOption pkgs "roboshpee" {
      extraDescription = "Its `roboshpee` program preloads the bot's telemetry.";
    };

    tokenFile = mkOption {
      type = secretPath;
      default = null;
      example = "/run/secrets/discord-token";
      description = ''
        File that holds the Discord bot token and nothing else (surrounding whitespace is
        ignored). systemd reads it as root (`LoadCredential`) and hands the service a copy
        only it can read, at `$CREDENTIALS_DIRECTORY/discord-token`, which the bot finds
        through `DISCORD_TOKEN_FILE`; so the file can be owned by root with mode 0400. Write
        it with sops-nix or agenix; it must not live in the Nix store. Required unless
        `demo` is set.
      '';
    };

    environmentFile = mkOption {
      type = secretPath;
      default = null;
      example = "/run/secrets/roboshpee.env";
      description = ''
        File of `NAME=value` lines for the other secret variables (such as
        `OTEL_EXPORTER_OTLP_HEADERS` or a `PYROSCOPE_SERVER_ADDRESS` with credentials), read
        by systemd as root before the service drops privileges. Not for the token: it goes
        in `tokenFile`, and the bot refuses `DISCORD_TOKEN` and `DISCORD_TOKEN_FILE` together.
        It must not live in the Nix store.
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

    settings = mkOption {
      type =
        with types;
        attrsOf (oneOf [
          str
          int
          bool
        ]);
      default = { };
      example = {
        LOG_LEVEL = "debug";
        DISCORD_GUILD_ID = "123456789012345678";
        ROBOSHPEE_SHUTDOWN_TIMEOUT_MS = 20000;
        ROBOSHPEE_PROFILING = true;
        OTEL_RESOURCE_ATTRIBUTES = "deployment.environment.name=homelab";
      };
      description = ''
        The bot's configuration: any variable from bot/README.md's Configuration lists, rendered into the
        unit's environment (booleans as `true`/`false`). The variables that `tokenFile`,
        `demo` and `otlpEndpoint` set are refused here. Not for secrets: these end up in the
        Nix store; use `tokenFile` and `environmentFile`.
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
        type = secretPath;
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
          assertion = cfg.demo || cfg.tokenFile != null;
          message = "services.roboshpee: set tokenFile (a file holding the Discord token) or demo = true.";
        }
      ]
      ++ lib.mapAttrsToList (name: option: {
        assertion = !(cfg.settings ? ${name});
        message = "services.roboshpee.settings.${name}: set ${option} instead.";
      }) ownedVariables
      ++ map (name: {
        assertion = cfg.${name} == null || !(lib.hasPrefix builtins.storeDir cfg.${name});
        message = "services.roboshpee.${name} is in the Nix store, which every user can read.";
      }) [ "tokenFile" "environmentFile" ];

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
        // lib.optionalAttrs (cfg.tokenFile != null) {
          # %d is the unit's credentials directory, where LoadCredential puts the copy.
          DISCORD_TOKEN_FILE = "%d/discord-token";
        }
        // lib.mapAttrs (_: environmentValue) cfg.settings;

        serviceConfig = {
          ExecStart = lib.getExe cfg.package;
          LoadCredential = lib.optional (cfg.tokenFile != null) "discord-token:${cfg.tokenFile}";
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
          SystemCallErrorNumber = "EPERM";
          # Inside its user namespace the service sees only itself and root.
          PrivateUsers = true;
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
