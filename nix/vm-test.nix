# End to end on NixOS: the module runs the bot in demo mode next to Alloy (the project's
# config, journald mode), Tempo and Loki from nixpkgs; a trace must reach Tempo and a log line
# of the bot's unit must reach Loki. Runs in a QEMU VM: needs KVM (`nix flake check` on Linux).
{
  testers,
  roboshpee,
}:
testers.runNixOSTest {
  name = "roboshpee";

  nodes.machine =
    { pkgs, ... }:
    {
      imports = [ ./module.nix ];

      virtualisation.memorySize = 3072;
      virtualisation.cores = 2;

      services.roboshpee = {
        enable = true;
        package = roboshpee;
        demo = true;
        # A token-shaped fake: demo mode never sends it, the test looks at how it is handed over.
        tokenFile = "/run/keys/discord-token";
        settings = {
          ROBOSHPEE_DEMO_RATE = 2;
          OTEL_METRIC_EXPORT_INTERVAL = 5000;
        };
        alloy = {
          enable = true;
          # Tempo's own OTLP receiver moves to 4417: Alloy holds 4317 on this single machine.
          # No Mimir here: metrics exports fail and retry, which this test does not look at.
          environment = {
            TEMPO_OTLP_GRPC_ENDPOINT = "127.0.0.1:4417";
            LOKI_OTLP_ENDPOINT = "http://127.0.0.1:3100/otlp";
            LOKI_PUSH_URL = "http://127.0.0.1:3100/loki/api/v1/push";
          };
        };
      };

      # Minimal single-binary backends, in the shape of infra/tempo/tempo.yaml and
      # infra/loki/loki.yaml with their storage moved under the services' state directories.
      services.tempo = {
        enable = true;
        settings = {
          server = {
            http_listen_address = "127.0.0.1";
            http_listen_port = 3200;
          };
          distributor.receivers.otlp.protocols.grpc.endpoint = "127.0.0.1:4417";
          storage.trace = {
            backend = "local";
            wal.path = "/var/lib/tempo/wal";
            local.path = "/var/lib/tempo/blocks";
          };
          usage_report.reporting_enabled = false;
        };
      };

      services.loki = {
        enable = true;
        configuration = {
          auth_enabled = false;
          server = {
            http_listen_address = "127.0.0.1";
            http_listen_port = 3100;
            grpc_listen_port = 9096;
          };
          common = {
            instance_addr = "127.0.0.1";
            path_prefix = "/var/lib/loki";
            storage.filesystem = {
              chunks_directory = "/var/lib/loki/chunks";
              rules_directory = "/var/lib/loki/rules";
            };
            replication_factor = 1;
            ring.kvstore.store = "inmemory";
          };
          schema_config.configs = [
            {
              from = "2024-01-01";
              store = "tsdb";
              object_store = "filesystem";
              schema = "v13";
              index = {
                prefix = "index_";
                period = "24h";
              };
            }
          ];
          limits_config.allow_structured_metadata = true;
          analytics.reporting_enabled = false;
        };
      };

      # Root-only, outside the store, as sops-nix or agenix would leave it.
      systemd.tmpfiles.rules = [
        "d /run/keys 0750 root root -"
        "f /run/keys/discord-token 0400 root root - vm-test.fake-token"
      ];

      environment.systemPackages = [
        pkgs.curl
        pkgs.jq
      ];
    };

  testScript = ''
    machine.wait_for_unit("tempo.service")
    machine.wait_for_unit("loki.service")
    machine.wait_for_unit("alloy.service")
    machine.wait_for_unit("roboshpee.service")
    machine.wait_for_open_port(3200)
    machine.wait_for_open_port(3100)

    with subtest("the bot runs hardened and without a token"):
        machine.succeed("systemctl show roboshpee -p DynamicUser | grep -qx DynamicUser=yes")
        machine.succeed("systemctl show roboshpee -p NoNewPrivileges | grep -qx NoNewPrivileges=yes")
        machine.wait_until_succeeds("journalctl -u roboshpee | grep -q 'demo mode'", timeout=60)

    with subtest("the token reaches the bot as a credential, never through its environment"):
        machine.succeed(
            "systemctl show roboshpee -p Environment"
            " | grep -q 'DISCORD_TOKEN_FILE=/run/credentials/roboshpee.service/discord-token'"
        )
        machine.fail("systemctl show roboshpee -p Environment | grep -q fake-token")
        machine.succeed(
            "grep -qx vm-test.fake-token /run/credentials/roboshpee.service/discord-token"
        )
        # The unit's dynamic user cannot read the source file, only its copy.
        machine.fail("systemd-run --pipe --wait -p DynamicUser=yes cat /run/keys/discord-token")

    with subtest("a trace of the bot reached Tempo through Alloy"):
        machine.wait_until_succeeds(
            "curl -sf -G http://127.0.0.1:3200/api/search"
            " --data-urlencode 'q={ resource.service.name = \"roboshpee\" }'"
            " | jq -e '.traces | length > 0'",
            timeout=180,
        )

    with subtest("a log line of the bot's unit reached Loki through the journal"):
        machine.wait_until_succeeds(
            "curl -sf -G http://127.0.0.1:3100/loki/api/v1/query_range"
            " --data-urlencode 'query={service_name=\"roboshpee\"}'"
            " --data-urlencode 'since=1h'"
            " | jq -e '.data.result | length > 0'",
            timeout=180,
        )

    with subtest("the bot stops cleanly within its stop timeout (telemetry flushed)"):
        machine.succeed("systemctl stop roboshpee")
        machine.succeed("systemctl show roboshpee -p Result | grep -qx Result=success")
  '';
}
