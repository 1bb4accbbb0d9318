/** The error body of the HTTP API (`{ error: { code, message } }`; some edge checks send `{ error: '…' }`). */
export interface ErrorBody {
  error: { code: string; message: string; requestId?: string };
}

/** A response's JSON body, typed as the test expects it (`Response.json()` is `any`). */
export async function readJson<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
