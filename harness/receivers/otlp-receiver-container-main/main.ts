import { createServer } from 'node:http';
import { OtlpReceiver } from '../otlp-receiver.js';

/**
 * The telemetry tests' OTLP receiver as a container on the suites' network (test equipment,
 * not a backend): `node main.js <otlp-grpc-port> <received-port>` takes OTLP gRPC on the
 * first port and answers what it received as JSON on `GET /received` on the second, for the
 * suite to read through a port published on loopback.
 */
const [otlpGrpcPort, receivedPort] = process.argv.slice(2).map(Number);

const receiver = await new OtlpReceiver().start(otlpGrpcPort, '0.0.0.0');
const server = createServer((request, response) => {
  if (request.url !== '/received') {
    response.writeHead(404).end();
    return;
  }
  const { spans, metrics, logs } = receiver;
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(
      JSON.stringify({ spans, metrics, logs }, (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      ),
    );
});
server.listen(receivedPort, '0.0.0.0');
process.on('SIGTERM', () => {
  server.close();
  void receiver.stop().then(() => process.exit(0));
});
