// Every Twilio webhook is signed: X-Twilio-Signature is an HMAC-SHA1, keyed by the account's auth
// token, over the URL Twilio called followed by the POST parameters. The URL Twilio called is the
// public one (PUBLIC_BASE_URL, e.g. https://bistro.example behind a TLS-terminating proxy) plus
// the exact path and query this server received, never the address the server listens on.
import twilio from 'twilio';

export interface SignatureConfig {
  /** TWILIO_AUTH_TOKEN; without it no request can be trusted, so every request is refused. */
  authToken: string | undefined;
  /** PUBLIC_BASE_URL, e.g. "https://bistro.example" (a trailing slash is ignored). */
  publicBaseUrl: string;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: 'not_configured' | 'missing' | 'mismatch' };

/** The URL Twilio signed for a request received at `pathAndQuery` (req.url). */
export function publicUrl(publicBaseUrl: string, pathAndQuery: string): string {
  return publicBaseUrl.replace(/\/+$/, '') + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`);
}

export function verifyTwilioSignature(
  config: SignatureConfig,
  pathAndQuery: string,
  signatureHeader: string | string[] | undefined,
  params: Record<string, string>,
): SignatureVerdict {
  if (!config.authToken) return { ok: false, reason: 'not_configured' };
  const signature = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
  if (!signature) return { ok: false, reason: 'missing' };
  const url = publicUrl(config.publicBaseUrl, pathAndQuery);
  // validateRequest also tries the URL with and without the default port, as Twilio may sign either.
  return twilio.validateRequest(config.authToken, signature, url, params)
    ? { ok: true }
    : { ok: false, reason: 'mismatch' };
}

/** Signs a request exactly as Twilio does (for tests and local tools such as a call simulator). */
export function signTwilioRequest(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}
