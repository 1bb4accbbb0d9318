import { createRequire } from 'node:module';

/** The request shape `botframework-directlinejs` hands its `ajax` service (rxjs 5's AjaxRequest). */
interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Minimal rxjs 5 Observable surface used here. */
interface RxSubscriber {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}
type RxObservableStatic = { create(subscribe: (subscriber: RxSubscriber) => void): unknown };

/**
 * An `ajax` service for `botframework-directlinejs` in Node (which has no XMLHttpRequest): the same
 * request/response contract as rxjs 5's `Observable.ajax`, on `fetch`. It must produce an Observable of
 * the rxjs copy the library uses, so it is loaded from the library's own location.
 */
export function fetchAjax(): (request: AjaxRequest) => unknown {
  const requireFromLibrary = createRequire(createRequire(import.meta.url).resolve('botframework-directlinejs'));
  const { Observable } = requireFromLibrary('rxjs/Observable') as { Observable: RxObservableStatic };
  return (request) =>
    Observable.create((subscriber) => {
      const headers = { ...request.headers };
      const body = request.body === undefined || typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      fetch(request.url, { method: request.method ?? 'GET', headers, body: body as string | undefined })
        .then(async (response) => {
          const text = await response.text();
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            /* keep the text */
          }
          const result = {
            status: response.status,
            response: parsed,
            xhr: { getResponseHeader: (name: string) => response.headers.get(name) },
          };
          if (response.status >= 200 && response.status < 300) {
            subscriber.next(result);
            subscriber.complete();
          } else {
            subscriber.error(result);
          }
        })
        .catch((error: unknown) => subscriber.error({ status: 0, error }));
    });
}
