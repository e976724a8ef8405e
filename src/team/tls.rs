//! TLS to the team server, as libpq's `sslmode` asks for it: `disable` (never), `prefer`
//! (when the server offers it, the default), `require` (always, certificate not checked),
//! `verify-ca` (always, certificate signed by a trusted root) and `verify-full` (also for
//! the host name connected to). Roots come from `sslrootcert` (or `PGSSLROOTCERT`, else
//! `~/.postgresql/root.crt` when present), else the Mozilla roots. rustls with ring does the
//! work, as for `okur fetch`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ClientConfig, WebPkiServerVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::TeamError;

/// How the connection is encrypted (`sslmode` in the URL).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TlsMode {
    /// Never.
    Disable,
    /// When the server offers it, without checking its certificate (libpq's default).
    #[default]
    Prefer,
    /// Always, without checking the certificate.
    Require,
    /// Always, the certificate signed by a trusted root.
    VerifyCa,
    /// Always, the certificate signed by a trusted root and made out to the host.
    VerifyFull,
}

impl TlsMode {
    /// The mode named `s` as libpq spells it (`allow` counts as `prefer`).
    pub fn parse(s: &str) -> Option<TlsMode> {
        Some(match s {
            "disable" => TlsMode::Disable,
            "allow" | "prefer" => TlsMode::Prefer,
            "require" => TlsMode::Require,
            "verify-ca" => TlsMode::VerifyCa,
            "verify-full" => TlsMode::VerifyFull,
            _ => return None,
        })
    }

    /// What `postgres::Config` is told: it knows disable, prefer and require; the two
    /// verifying modes require TLS and check in the connector.
    pub fn wire(self) -> postgres::config::SslMode {
        use postgres::config::SslMode;
        match self {
            TlsMode::Disable => SslMode::Disable,
            TlsMode::Prefer => SslMode::Prefer,
            _ => SslMode::Require,
        }
    }

    /// True when the certificate is checked.
    pub fn verifies(self) -> bool {
        matches!(self, TlsMode::VerifyCa | TlsMode::VerifyFull)
    }
}

/// The TLS settings of a team URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tls {
    /// `sslmode`.
    pub mode: TlsMode,
    /// `sslrootcert`: the trusted roots (PEM), for the verifying modes.
    pub root_cert: Option<PathBuf>,
}

impl Tls {
    /// The connector for these settings (reads the root certificates now).
    pub fn connector(&self) -> Result<tokio_postgres_rustls::MakeRustlsConnect, TeamError> {
        // ring, the provider ureq already uses (rustls marks it deprecated for want of
        // post-quantum key exchange; aws-lc-rs would add a C build for that alone).
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier: Arc<dyn ServerCertVerifier> = match self.mode {
            TlsMode::Disable | TlsMode::Prefer | TlsMode::Require => Arc::new(Unchecked {
                provider: Arc::clone(&provider),
            }),
            TlsMode::VerifyCa | TlsMode::VerifyFull => {
                let roots = Arc::new(self.roots()?);
                let inner =
                    WebPkiServerVerifier::builder_with_provider(roots, Arc::clone(&provider))
                        .build()
                        .map_err(|e| TeamError::Server(format!("TLS roots: {e}")))?;
                match self.mode {
                    TlsMode::VerifyCa => Arc::new(AnyName { inner }),
                    _ => inner,
                }
            }
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| TeamError::Server(format!("TLS: {e}")))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    /// The trusted roots: the `sslrootcert` file, else the Mozilla roots.
    fn roots(&self) -> Result<RootCertStore, TeamError> {
        let mut roots = RootCertStore::empty();
        let Some(path) = &self.root_cert else {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            return Ok(roots);
        };
        let bad = |why: String| TeamError::Server(format!("sslrootcert {}: {why}", path.display()));
        let pem = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
        for cert in CertificateDer::pem_slice_iter(&pem) {
            let cert = cert.map_err(|e| bad(format!("not a PEM certificate ({e:?})")))?;
            roots.add(cert).map_err(|e| bad(e.to_string()))?;
        }
        if roots.is_empty() {
            return Err(bad("holds no certificate".into()));
        }
        Ok(roots)
    }
}

/// `url` without its `sslmode` and `sslrootcert` settings (which `postgres::Config` does
/// not read in full), and their values: from the query of a URL, or the pairs of the
/// key=value form.
pub(super) fn take_tls(url: &str) -> (String, Option<String>, Option<String>) {
    let (mut mode, mut root) = (None, None);
    let mut keep = |pair: &str| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(value.trim_matches('\''));
        match key {
            "sslmode" => mode = Some(value),
            "sslrootcert" => root = Some(value),
            _ => return true,
        }
        false
    };
    let rest = match url.split_once("://") {
        Some(_) => match url.split_once('?') {
            Some((head, query)) => {
                let kept: Vec<&str> = query.split('&').filter(|p| keep(p)).collect();
                match kept.is_empty() {
                    true => head.to_string(),
                    false => format!("{head}?{}", kept.join("&")),
                }
            }
            None => url.to_string(),
        },
        None => url
            .split_whitespace()
            .filter(|p| keep(p))
            .collect::<Vec<_>>()
            .join(" "),
    };
    (rest, mode, root)
}

/// `%XX` escapes of a URL's query value decoded (anything malformed kept as written).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// libpq's default root file, `~/.postgresql/root.crt`, when it exists.
pub fn default_root_cert(home: Option<String>) -> Option<PathBuf> {
    let path = Path::new(&home?).join(".postgresql").join("root.crt");
    path.is_file().then_some(path)
}

/// A certificate error said in words: which check failed and what to do.
pub fn explain(mode: TlsMode, cause: &str) -> Option<String> {
    if !cause.contains("invalid peer certificate") {
        return None;
    }
    let name = match mode {
        TlsMode::VerifyFull => "verify-full",
        _ => "verify-ca",
    };
    Some(format!(
        "the server's TLS certificate was not accepted (sslmode={name}: {cause}); \
         give the server's root certificate with sslrootcert=FILE"
    ))
}

/// Encrypts without checking the certificate (`prefer`, `require`), as libpq does; the
/// handshake's signatures are still checked, so the session is with the certificate's key.
#[derive(Debug)]
struct Unchecked {
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algs = &self.provider.signature_verification_algorithms;
        rustls::crypto::verify_tls12_signature(message, cert, dss, algs)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algs = &self.provider.signature_verification_algorithms;
        rustls::crypto::verify_tls13_signature(message, cert, dss, algs)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// `verify-ca`: the chain is checked against the roots, the host name is not.
#[derive(Debug)]
struct AnyName {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let checked = self
            .inner
            .verify_server_cert(end_entity, intermediates, name, ocsp, now);
        match checked {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
