/**
 * Amazon's rules for the SignatureCertChainUrl header. The URL is normalised first (WHATWG URL
 * parsing lowercases scheme and host, resolves `.` and `..` segments, including their %2e forms,
 * and drops the default port 443), so `https://s3.amazonaws.com/echo.api/../evil` cannot pass.
 */
import { AlexaVerificationError } from './alexa-verification-error';

const CERT_HOST = 's3.amazonaws.com';
/** Case-sensitive, as Amazon specifies: `/ECHO.API/` is a different S3 key prefix. */
const CERT_PATH_PREFIX = '/echo.api/';

/** Returns the normalised URL to download, or throws before anything is downloaded. */
export function checkCertUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AlexaVerificationError('cert-url', `SignatureCertChainUrl is not a URL: ${JSON.stringify(raw)}`);
  }
  const problem =
    url.protocol !== 'https:' ? `scheme is ${url.protocol}, not https`
    : url.hostname !== CERT_HOST ? `host is ${url.hostname}, not ${CERT_HOST}`
    // An empty port means none was given or it was 443, the https default, which the parser drops.
    : url.port !== '' ? `port is ${url.port}, not 443`
    : !url.pathname.startsWith(CERT_PATH_PREFIX) ? `path ${url.pathname} is not under ${CERT_PATH_PREFIX}`
    // fetch refuses credentials in a URL, and Amazon never sends them.
    : url.username !== '' || url.password !== '' ? 'URL carries credentials'
    : undefined;
  if (problem) throw new AlexaVerificationError('cert-url', `SignatureCertChainUrl ${JSON.stringify(raw)}: ${problem}`);
  return url;
}
