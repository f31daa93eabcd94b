import taro, { type Reply } from './taro-mock';

type UploadEvent = { lengthComputable: boolean; loaded: number; total: number };

/**
 * XMLHttpRequest as the browser's upload uses it (src/api/upload.ts), answered by the FakeApi behind
 * the mocked Taro.request, so one fake server sees every call. The upload reports half of the body
 * sent at once and the rest when the answer comes, as a slow line would; every event is a task of
 * its own, as in a browser.
 */
class FakeXhr {
  status = 0;
  responseText = '';
  timeout = 0;
  readonly upload: { onprogress: ((event: UploadEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private readonly header: Record<string, string> = {};
  private replyHeader: Record<string, string> = {};

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.header[name] = value;
  }

  getAllResponseHeaders(): string {
    return Object.entries(this.replyHeader).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  }

  send(body: Blob | ArrayBuffer): void {
    const total = body instanceof Blob ? body.size : body.byteLength;
    setTimeout(() => this.upload.onprogress?.({ lengthComputable: true, loaded: Math.floor(total / 2), total }), 0);
    taro.request({ url: this.url, method: this.method, header: this.header, data: body, timeout: this.timeout }).then(
      (reply: Reply & { header?: Record<string, string> }) =>
        setTimeout(() => {
          this.upload.onprogress?.({ lengthComputable: true, loaded: total, total });
          this.status = reply.statusCode;
          this.responseText = typeof reply.data === 'string' ? reply.data : JSON.stringify(reply.data);
          this.replyHeader = reply.header ?? {};
          this.onload?.();
        }, 0),
      () => setTimeout(() => this.onerror?.(), 0),
    );
  }
}

/** Puts the fake in the browser's place for this test file. */
export function installFakeXhr(): void {
  Object.assign(window, { XMLHttpRequest: FakeXhr });
  Object.assign(globalThis, { XMLHttpRequest: FakeXhr });
}
