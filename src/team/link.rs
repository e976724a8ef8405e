//! The team server's address: a `postgres://` URL (or `key=value` string), credentials
//! completed from `PGPASSWORD`, `PGPASSFILE` (default `~/.pgpass`) and `PGUSER`, and a form
//! of it that is safe to print (the password replaced by `***`).

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use postgres::config::Host;

use super::TeamError;
use super::tls::{self, Tls, TlsMode};

/// How long connecting may take before the attempt counts as failed.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// A team server to connect to, with its credentials; prints without them.
#[derive(Clone)]
pub struct TeamUrl {
    config: postgres::Config,
    shown: String,
    password: Option<String>,
    tls: Tls,
}

impl std::fmt::Debug for TeamUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl std::fmt::Display for TeamUrl {
    /// The URL with its password replaced by `***`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

impl TeamUrl {
    /// Parses `url` and completes it from the environment (see the module doc).
    pub fn parse(url: &str) -> Result<TeamUrl, TeamError> {
        TeamUrl::parse_with(url, |name| std::env::var(name).ok())
    }

    /// [`TeamUrl::parse`] with an environment lookup (for tests).
    pub fn parse_with(
        url: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<TeamUrl, TeamError> {
        let shown = redact(url);
        let bad = |reason: String| TeamError::BadUrl {
            url: shown.clone(),
            reason,
        };
        let (rest, mode, root_cert) = tls::take_tls(url);
        let mode = match mode.or_else(|| env("PGSSLMODE")) {
            Some(m) => TlsMode::parse(&m).ok_or_else(|| {
                bad(format!(
                    "sslmode {m:?}: disable, prefer, require, verify-ca or verify-full"
                ))
            })?,
            None => TlsMode::default(),
        };
        let root_cert = root_cert
            .or_else(|| env("PGSSLROOTCERT"))
            .map(PathBuf::from)
            .or_else(|| tls::default_root_cert(env("HOME")));
        let tls = Tls { mode, root_cert };
        let mut config = postgres::Config::from_str(&rest).map_err(|e| bad(e.to_string()))?;
        config.ssl_mode(mode.wire());
        if config.get_user().is_none()
            && let Some(user) = env("PGUSER").or_else(|| env("USER"))
        {
            config.user(&user);
        }
        if config.get_hosts().is_empty() {
            config.host(&env("PGHOST").unwrap_or_else(|| "localhost".into()));
        }
        if config.get_password().is_none()
            && let Some(password) = env("PGPASSWORD").or_else(|| from_passfile(&config, &env))
        {
            config.password(password.as_str());
        }
        let password = config
            .get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        config
            .application_name("okur")
            .connect_timeout(CONNECT_TIMEOUT)
            .keepalives_idle(Duration::from_secs(10))
            .tcp_user_timeout(Duration::from_secs(10));
        Ok(TeamUrl {
            config,
            shown,
            password,
            tls,
        })
    }

    /// The role okur connects as (the analyst's name on the server).
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or("")
    }

    /// Which server and role this is, for the local cache's header: host, port, database
    /// and role, never the password.
    pub fn identity(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            Some(Host::Unix(p)) => p.display().to_string(),
            None => String::new(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        let db = self.config.get_dbname().unwrap_or(self.user());
        format!("{}@{host}:{port}/{db}", self.user())
    }

    /// The TLS settings (`sslmode`, `sslrootcert`).
    pub fn tls(&self) -> &Tls {
        &self.tls
    }

    /// Connects, encrypted as `sslmode` says (see [`Tls`]); a certificate that was not
    /// accepted is said in words.
    pub fn connect(&self) -> Result<postgres::Client, TeamError> {
        let connected = match self.tls.mode {
            TlsMode::Disable => self.config.connect(postgres::NoTls),
            _ => self.config.connect(self.tls.connector()?),
        };
        connected.map_err(|e| {
            let said = self.scrub(&describe(&e));
            match tls::explain(self.tls.mode, &said) {
                Some(words) => TeamError::Server(words),
                None => TeamError::Server(said),
            }
        })
    }

    /// A database error as a [`TeamError`] whose message never holds the password.
    pub fn error(&self, e: &postgres::Error) -> TeamError {
        TeamError::Server(self.scrub(&describe(e)))
    }

    /// `text` with the password, if it occurs, replaced by `***`.
    pub fn scrub(&self, text: &str) -> String {
        match &self.password {
            Some(p) if !p.is_empty() => text.replace(p.as_str(), "***"),
            _ => text.to_string(),
        }
    }
}

/// A database error in one line: the server's message when it sent one, else the cause.
pub fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{} ({})", db.message(), db.code().code());
    }
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

/// `url` with any password replaced by `***`: in `scheme://user:password@host`, and in
/// `password=...` of the key=value form.
pub fn redact(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let authority = match authority.rsplit_once('@') {
            Some((userinfo, host)) => match userinfo.split_once(':') {
                Some((user, _)) => format!("{user}:***@{host}"),
                None => authority.to_string(),
            },
            None => authority.to_string(),
        };
        let tail = redact_pairs(tail, '&');
        return format!("{scheme}://{authority}{tail}");
    }
    redact_pairs(url, ' ')
}

/// Replaces the value of every `password=` pair in `text` (pairs separated by `sep`).
fn redact_pairs(text: &str, sep: char) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, pair) in text.split(sep).enumerate() {
        if i > 0 {
            out.push(sep);
        }
        let bare = pair.trim_start_matches('?');
        if bare.to_ascii_lowercase().starts_with("password=") {
            let lead = &pair[..pair.len() - bare.len()];
            out.push_str(lead);
            out.push_str("password=***");
        } else {
            out.push_str(pair);
        }
    }
    out
}

/// The password for `config` from the password file (`PGPASSFILE`, else `~/.pgpass`), as
/// libpq reads it: `host:port:database:user:password`, `*` matching anything, `\` escaping.
fn from_passfile(
    config: &postgres::Config,
    env: &impl Fn(&str) -> Option<String>,
) -> Option<String> {
    let path = env("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".pgpass")))?;
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config.get_user().unwrap_or("").to_string();
    let db = config
        .get_dbname()
        .map_or_else(|| user.clone(), str::to_string);
    let want = [host, port, db, user];
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .map(split_pass_line)
        .find(|fields| {
            fields.len() == 5
                && fields[..4]
                    .iter()
                    .zip(&want)
                    .all(|(f, w)| f == "*" || f == w)
        })
        .map(|mut fields| fields.swap_remove(4))
}

/// The fields of a password file line: split at unescaped `:`, `\` escapes.
fn split_pass_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields
                .last_mut()
                .into_iter()
                .for_each(|f| f.extend(chars.next())),
            ':' => fields.push(String::new()),
            c => fields.last_mut().into_iter().for_each(|f| f.push(c)),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgres://ayse:s3cr3t@db.example:5433/news?sslmode=disable"),
            "postgres://ayse:***@db.example:5433/news?sslmode=disable"
        );
        assert_eq!(
            redact("host=db user=ayse password=s3cr3t dbname=news"),
            "host=db user=ayse password=*** dbname=news"
        );
        assert_eq!(
            redact("postgresql://db/news?user=ayse&password=s3cr3t"),
            "postgresql://db/news?user=ayse&password=***"
        );
        assert_eq!(redact("postgres://ayse@db/news"), "postgres://ayse@db/news");
    }

    #[test]
    fn sslmode_and_sslrootcert_are_read_from_either_form() -> Result<(), TeamError> {
        let url = TeamUrl::parse_with(
            "postgres://u:pw@db/news?sslmode=verify-full&sslrootcert=%2Ftmp%2Fca.pem&application_name=x",
            |_| None,
        )?;
        assert_eq!(url.tls().mode, TlsMode::VerifyFull);
        assert_eq!(url.tls().root_cert, Some(PathBuf::from("/tmp/ca.pem")));
        assert_eq!(
            url.config.get_ssl_mode(),
            postgres::config::SslMode::Require
        );
        let url = TeamUrl::parse_with("host=db user=u sslmode=disable dbname=news", |_| None)?;
        assert_eq!(url.tls().mode, TlsMode::Disable);
        assert_eq!(url.config.get_dbname(), Some("news"));
        let env = |name: &str| (name == "PGSSLMODE").then(|| "require".to_string());
        let url = TeamUrl::parse_with("postgres://u@db/news", env)?;
        assert_eq!(url.tls().mode, TlsMode::Require);
        let url = TeamUrl::parse_with("postgres://u@db/news?sslmode=verify-ca", |_| None)?;
        assert_eq!(url.tls().mode, TlsMode::VerifyCa);
        let err = TeamUrl::parse_with("postgres://u:pw@db/news?sslmode=maybe", |_| None)
            .expect_err("not a mode");
        let message = err.to_string();
        assert!(message.contains("sslmode \"maybe\""), "{message}");
        assert!(!message.contains("pw"), "{message}");
        Ok(())
    }

    #[test]
    fn a_bad_url_is_reported_without_its_password() {
        let err = TeamUrl::parse_with("postgres://u:pw@host:notaport/db", |_| None)
            .expect_err("a port must be a number");
        let message = err.to_string();
        assert!(
            message.contains("postgres://u:***@host:notaport/db"),
            "{message}"
        );
        assert!(!message.contains("pw@"), "{message}");
    }

    #[test]
    fn credentials_come_from_the_environment_and_the_password_file() -> Result<(), TeamError> {
        let dir = tempfile::tempdir().map_err(|e| TeamError::Server(e.to_string()))?;
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# comment\nother:*:*:*:no\ndb:5433:*:ay\\:se:fromfile\n",
        )
        .map_err(|e| TeamError::Server(e.to_string()))?;
        let passfile = file.display().to_string();
        let env = |name: &str| match name {
            "PGUSER" => Some("ay:se".to_string()),
            "PGPASSFILE" => Some(passfile.clone()),
            _ => None,
        };
        let url = TeamUrl::parse_with("postgres://db:5433/news", env)?;
        assert_eq!(url.user(), "ay:se");
        assert_eq!(url.config.get_password(), Some(&b"fromfile"[..]));
        assert_eq!(url.scrub("auth failed for fromfile"), "auth failed for ***");
        assert_eq!(url.to_string(), "postgres://db:5433/news");
        let env = |name: &str| (name == "PGPASSWORD").then(|| "fromenv".to_string());
        let url = TeamUrl::parse_with("postgres://u@db/news", env)?;
        assert_eq!(url.config.get_password(), Some(&b"fromenv"[..]));
        Ok(())
    }
}
