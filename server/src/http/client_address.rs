//! Which address a request comes from, for the per-address limits (login
//! throttle, submission and kiosk buckets).
//!
//! Without `--trusted-proxies` it is the connection's peer. Behind a
//! reverse proxy (which HTTPS needs) every request would then come from the
//! proxy, and one client's failed logins would lock everyone out; so when
//! the peer is a trusted proxy, the address is read from `Forwarded`
//! (RFC 7239) or, without it, `X-Forwarded-For`: the rightmost address in
//! the chain that is not itself a trusted proxy. Entries left of it were
//! written by the client and are never believed. README, "Operations".

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;

use axum::extract::ConnectInfo;
use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;
use thiserror::Error;

/// The networks whose `Forwarded` / `X-Forwarded-For` are believed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0:?} is not an IP address or network (10.0.0.1, 10.0.0.0/8, ::1)")]
pub struct BadProxy(String);

impl TrustedProxies {
    pub const NONE: TrustedProxies = TrustedProxies(Vec::new());

    /// A comma-separated list of addresses and CIDR networks.
    pub fn parse(list: &str) -> Result<TrustedProxies, BadProxy> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                IpNet::from_str(entry)
                    .or_else(|_| IpAddr::from_str(entry).map(IpNet::from))
                    .map_err(|_| BadProxy(entry.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = unmapped(address);
        self.0.iter().any(|net| net.contains(&address))
    }

    /// The client's address: the peer, or when the peer is trusted, the
    /// rightmost untrusted hop its forwarding headers name.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = unmapped(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let mut nearest = peer;
        for hop in forwarded_chain(headers).into_iter().rev() {
            match hop {
                Some(address) if self.trusts(address) => nearest = address,
                Some(address) => return address,
                // "unknown", an obfuscated name, garbage: the chain cannot
                // be followed further; the last trusted hop answers for it.
                None => return nearest,
            }
        }
        nearest
    }
}

/// The hops that the forwarding headers list, client first: `Forwarded`'s
/// `for=` when present, else `X-Forwarded-For`. Several header lines are
/// one list, in order.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let forwarded: Vec<Option<IpAddr>> = headers
        .get_all("forwarded")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("for")
                    .then(|| node_address(value.trim()))
            })
        })
        .collect();
    if !forwarded.is_empty() {
        return forwarded;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|hop| node_address(hop.trim()))
        .collect()
}

/// `192.0.2.1`, `"192.0.2.1:4711"`, `"[2001:db8::1]:4711"`, `2001:db8::1`.
fn node_address(node: &str) -> Option<IpAddr> {
    let node = node.trim_matches('"');
    if let Ok(address) = IpAddr::from_str(node) {
        return Some(unmapped(address));
    }
    if let Some(rest) = node.strip_prefix('[') {
        let inside = rest.split(']').next()?;
        return IpAddr::from_str(inside).ok().map(unmapped);
    }
    SocketAddr::from_str(node).ok().map(|s| unmapped(s.ip()))
}

/// `::ffff:10.0.0.1` is `10.0.0.1` (a dual-stack socket's IPv4 peer).
fn unmapped(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

/// The client's address as a handler argument (see [`TrustedProxies::client`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClientAddress(pub(crate) IpAddr);

impl axum::extract::FromRequestParts<super::AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &super::AppState,
    ) -> Result<ClientAddress, Self::Rejection> {
        Ok(ClientAddress(
            state.address_of(&parts.extensions, &parts.headers),
        ))
    }
}

/// The connection's peer, as `listen` records it (unspecified without a
/// socket, as in tests that call the router directly).
pub(crate) fn peer_address(extensions: &Extensions) -> IpAddr {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        let forged = headers(&[("x-forwarded-for", "1.2.3.4"), ("forwarded", "for=5.6.7.8")]);
        assert_eq!(
            TrustedProxies::NONE.client(ip("10.0.0.9"), &forged),
            ip("10.0.0.9")
        );
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.168.1.1").unwrap();
        let chain = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.7, 10.1.1.1")]);
        assert_eq!(proxies.client(ip("192.168.1.1"), &chain), ip("203.0.113.7"));
        // A peer that is not trusted is believed about nothing.
        assert_eq!(
            proxies.client(ip("198.51.100.1"), &chain),
            ip("198.51.100.1")
        );
        // Two header lines are one list.
        let split = headers(&[
            ("x-forwarded-for", "6.6.6.6"),
            ("x-forwarded-for", "203.0.113.8"),
        ]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &split), ip("203.0.113.8"));
        // Only trusted hops, or no header: the nearest trusted one.
        let inner = headers(&[("x-forwarded-for", "10.2.2.2")]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &inner), ip("10.2.2.2"));
        assert_eq!(
            proxies.client(ip("10.0.0.1"), &HeaderMap::new()),
            ip("10.0.0.1")
        );
        let garbage = headers(&[("x-forwarded-for", "1.1.1.1, unknown")]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &garbage), ip("10.0.0.1"));
    }

    #[test]
    fn forwarded_wins_over_x_forwarded_for_and_reads_ports_and_ipv6() {
        let proxies = TrustedProxies::parse("::1,127.0.0.1").unwrap();
        let both = headers(&[
            (
                "forwarded",
                "for=\"[2001:db8:cafe::17]:4711\";proto=https, for=127.0.0.1",
            ),
            ("x-forwarded-for", "9.9.9.9"),
        ]);
        assert_eq!(proxies.client(ip("::1"), &both), ip("2001:db8:cafe::17"));
        let port = headers(&[("forwarded", "For=\"198.51.100.17:8080\"")]);
        assert_eq!(
            proxies.client(ip("::ffff:127.0.0.1"), &port),
            ip("198.51.100.17")
        );
    }

    #[test]
    fn bad_entries_are_named() {
        assert_eq!(
            TrustedProxies::parse("10.0.0.0/8,proxy.local").unwrap_err(),
            BadProxy("proxy.local".into())
        );
        assert!(TrustedProxies::parse("").unwrap().is_empty());
    }
}
