import { ApiError } from './errors';

/** An HTTP answer as Taro.request gives it. */
export interface Reply {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

export interface WatchedUpload {
  url: string;
  method: string;
  header: Record<string, string>;
  timeout: number;
  body: Blob | ArrayBuffer;
  onProgress: (sent: number, total: number) => void;
}

function headersOf(raw: string): Record<string, string> {
  const header: Record<string, string> = {};
  for (const line of raw.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) header[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return header;
}

function jsonOrText(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}

/**
 * A browser upload through XMLHttpRequest, the one browser API that reports how much of a request
 * body has gone (fetch, behind Taro.request, does not): the import's bar for a large file. Only the
 * browser build calls it (platform.ts, seesUploadProgress); it answers as Taro.request would.
 */
export function sendWatchingUpload(upload: WatchedUpload): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    xhr.timeout = upload.timeout;
    for (const [name, value] of Object.entries(upload.header)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) upload.onProgress(event.loaded, event.total);
    };
    xhr.onload = () => resolve({ statusCode: xhr.status, data: jsonOrText(xhr.responseText), header: headersOf(xhr.getAllResponseHeaders()) });
    // As with Taro.request: no HTTP answer at all (offline, timeout) is the network's failure.
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(ApiError.network());
    xhr.send(upload.body);
  });
}
