/**
 * A small XMLHttpRequest for Node, on top of fetch, with just what RxJS 5's ajax (used by
 * botframework-directlinejs) touches: open, setRequestHeader, send, abort, timeout, responseType 'json',
 * readyState, status, response(Text), getResponseHeader and the on* callbacks. Node has no XHR of its own.
 */
export class NodeXmlHttpRequest {
  readyState = 0;
  status = 0;
  response: unknown = null;
  responseText = '';
  responseType = '';
  timeout = 0;
  withCredentials = false;
  readonly upload = {};
  onreadystatechange: ((this: NodeXmlHttpRequest, event: unknown) => void) | null = null;
  onerror: ((this: NodeXmlHttpRequest, event: unknown) => void) | null = null;
  ontimeout: ((this: NodeXmlHttpRequest, event: unknown) => void) | null = null;

  private method = 'GET';
  private url = '';
  private readonly headers: Record<string, string> = {};
  private responseHeaders: Headers | undefined;
  private readonly controller = new AbortController();
  private timedOut = false;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders?.get(name) ?? null;
  }

  abort(): void {
    this.controller.abort();
  }

  send(body?: string): void {
    const timer = this.timeout > 0 ? setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeout) : undefined;
    fetch(this.url, { method: this.method, headers: this.headers, body, signal: this.controller.signal })
      .then(async (response) => {
        this.status = response.status;
        this.responseHeaders = response.headers;
        this.responseText = await response.text();
        if (this.responseType === 'json') {
          try {
            this.response = this.responseText ? JSON.parse(this.responseText) : null;
          } catch {
            this.response = null;
          }
        } else {
          this.response = this.responseText;
        }
        this.readyState = 4;
        this.onreadystatechange?.call(this, {});
      })
      .catch((error: unknown) => {
        this.readyState = 4;
        this.status = 0;
        if (this.timedOut) this.ontimeout?.call(this, error);
        else if (!this.controller.signal.aborted) this.onerror?.call(this, error);
      })
      .finally(() => clearTimeout(timer));
  }
}
