// Writes a WARC file with warcio for the tests: node write-warc.mjs SPEC.json OUTPUT
//
// SPEC.json:
// {
//   "gzip": true,                      // each record its own gzip member; false: a plain .warc
//   "warcVersion": "WARC/1.0",         // or "WARC/1.1"
//   "records": [
//     {
//       "type": "response",            // response | resource | revisit | metadata | request | warcinfo
//       "targetUri": "http://...",     // WARC-Target-URI (warcinfo: none)
//       "date": "2024-11-05T08:00:00Z",
//       "contentType": "text/html",    // response/revisit: the HTTP Content-Type; request: none;
//                                      // resource/metadata/warcinfo: the record's own Content-Type
//       "status": 200,                 // response (and revisit, where it keeps HTTP headers)
//       "reason": "OK",
//       "method": "GET",               // request
//       "httpHeaders": { "Name": "value" },
//       "warcHeaders": { "Name": "value" },
//       "refersToUri": "http://...",   // revisit
//       "refersToDate": "2024-11-01T08:00:00Z",
//       "filename": "name.warc.gz",    // warcinfo: WARC-Filename
//       "payload": "base64 bytes"      // the body (response: after the HTTP headers)
//     }
//   ]
// }
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { WARCRecord, WARCSerializer } from "warcio";

const [specPath, outputPath] = process.argv.slice(2);
if (!specPath || !outputPath) {
  console.error("usage: node write-warc.mjs SPEC.json OUTPUT");
  process.exit(2);
}

const spec = JSON.parse(readFileSync(specPath, "utf8"));
const warcVersion = spec.warcVersion ?? "WARC/1.0";
const gzip = spec.gzip !== false;

const reasons = {
  200: "OK",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  304: "Not Modified",
  404: "Not Found",
  410: "Gone",
  500: "Internal Server Error",
};

function payloadOf(entry) {
  return entry.payload ? new Uint8Array(Buffer.from(entry.payload, "base64")) : new Uint8Array();
}

async function* chunks(bytes) {
  if (bytes.length > 0) {
    yield bytes;
  }
}

function statusLine(entry) {
  const status = entry.status ?? 200;
  return `HTTP/1.1 ${status} ${entry.reason ?? reasons[status] ?? "Status"}`;
}

function recordOf(entry) {
  const type = entry.type;
  const payload = payloadOf(entry);
  const warcHeaders = { ...(entry.warcHeaders ?? {}) };
  const options = { type, date: entry.date, warcVersion, warcHeaders };
  if (entry.targetUri) {
    options.url = entry.targetUri;
  }

  switch (type) {
    case "response": {
      const httpHeaders = {};
      if (entry.contentType) {
        httpHeaders["Content-Type"] = entry.contentType;
      }
      Object.assign(httpHeaders, entry.httpHeaders ?? {});
      return WARCRecord.create({ ...options, statusline: statusLine(entry), httpHeaders }, chunks(payload));
    }
    case "revisit": {
      // A revisit keeps HTTP headers only when it is told a status or headers.
      const httpHeaders = {};
      if (entry.status !== undefined && entry.status !== null) {
        if (entry.contentType) {
          httpHeaders["Content-Type"] = entry.contentType;
        }
        Object.assign(httpHeaders, entry.httpHeaders ?? {});
      }
      return WARCRecord.create(
        {
          ...options,
          statusline: statusLine(entry),
          httpHeaders,
          refersToUrl: entry.refersToUri,
          refersToDate: entry.refersToDate,
        },
        chunks(payload),
      );
    }
    case "request": {
      const url = new URL(entry.targetUri);
      const httpHeaders = { Host: url.host, ...(entry.httpHeaders ?? {}) };
      const statusline = `${entry.method ?? "GET"} ${url.pathname}${url.search} HTTP/1.1`;
      return WARCRecord.create({ ...options, statusline, httpHeaders }, chunks(payload));
    }
    case "resource":
    case "metadata":
    case "warcinfo": {
      if (entry.contentType) {
        warcHeaders["Content-Type"] = entry.contentType;
      }
      if (type === "warcinfo" && entry.filename) {
        options.filename = entry.filename;
      }
      return WARCRecord.create(options, chunks(payload));
    }
    default:
      throw new Error(`unknown record type: ${type}`);
  }
}

const output = openSync(outputPath, "w");
try {
  for (const entry of spec.records ?? []) {
    const bytes = await WARCSerializer.serialize(recordOf(entry), { gzip });
    writeSync(output, bytes);
  }
} finally {
  closeSync(output);
}
