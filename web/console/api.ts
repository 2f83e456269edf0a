// The console's HTTP client: bearer token, JSON in and out, errors as ApiError with the API's code,
// message and details (field errors are shown next to their fields).
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field errors of a validation failure, by dotted path. */
  fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? (this.details as FieldError[]) : [];
  }
}

let token: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setToken(value: string | null): void {
  token = value;
}

export function onSessionExpired(listener: () => void): void {
  onUnauthenticated = listener;
}

export async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; csv?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.csv !== undefined) {
    headers["content-type"] = "text/csv";
    body = options.csv;
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Check your connection and try again.");
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
      ?.error;
    if (res.status === 401 && path !== "/api/login") onUnauthenticated?.();
    throw new ApiError(
      res.status,
      error?.code ?? "internal",
      error?.message ?? `Request failed (${res.status}).`,
      error?.details,
    );
  }
  return data as T;
}

/** Downloads a file the API answers (the CSV export) with the bearer token, as a browser download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new ApiError(res.status, "download_failed", `Download failed (${res.status}).`);
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const query = (params: Record<string, string | number | boolean | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : "";
};
