import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';

/** One profile for Pyroscope's ingest API (`POST /ingest?format=pprof`). */
export interface ProfileUpload {
  /** `service{label=value,...}` (profile-labels.ts). */
  readonly name: string;
  /** Gzipped pprof. */
  readonly body: Uint8Array;
  readonly from: Date;
  readonly until: Date;
  /** Samples per second, for CPU profiles. */
  readonly sampleRate?: number;
}

/** An upload that has not answered by then is given up: the next round brings new data. */
const UPLOAD_TIMEOUT_MS = 5000;

const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

function ingestUrl(base: URL, upload: ProfileUpload): URL {
  const url = new URL('ingest', base.href.endsWith('/') ? base : new URL(`${base.href}/`));
  url.searchParams.set('name', upload.name);
  url.searchParams.set('from', seconds(upload.from));
  url.searchParams.set('until', seconds(upload.until));
  url.searchParams.set('format', 'pprof');
  // Pyroscope names Node profiles by this spy (function names, language detection).
  url.searchParams.set('spyName', 'nodespy');
  if (upload.sampleRate !== undefined)
    url.searchParams.set('sampleRate', String(upload.sampleRate));
  return url;
}

/**
 * Posts one profile. node:http rather than fetch: the undici instrumentation would trace
 * every upload as a span of the bot's own. Credentials in the base URL's user info are
 * sent as Basic auth. Never rejects: the result says whether the profile arrived.
 */
export function uploadProfile(base: URL, upload: ProfileUpload): Promise<ExportResult> {
  const url = ingestUrl(base, upload);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const failed = (error: Error) => resolve({ code: ExportResultCode.FAILED, error });
    const outgoing = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        timeout: UPLOAD_TIMEOUT_MS,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ code: ExportResultCode.SUCCESS });
          else failed(new Error(`Pyroscope answered HTTP ${status}`));
        });
        response.on('error', failed);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer within ${UPLOAD_TIMEOUT_MS} ms`)),
    );
    outgoing.on('error', failed);
    outgoing.end(upload.body);
  });
}
