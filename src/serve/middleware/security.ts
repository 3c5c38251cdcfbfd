/**
 * Security headers on every response. The CSP allows scripts, styles and fonts from this origin
 * only — no inline script at all. The one exception is inline style *attributes*, which KaTeX
 * uses to position parts of formulas; they cannot run code.
 */
import { secureHeaders } from "hono/secure-headers";

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      fontSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: "strict-origin-when-cross-origin",
    xContentTypeOptions: "nosniff",
    // HSTS belongs to whoever terminates TLS in front of a self-hosted instance, not to us.
    strictTransportSecurity: false,
  });
