"""Debian's Chromium and the flags every browser test, the audit and the benchmark launch it with
(Playwright cannot download its own browser here; without the network flags it tries Google's hosts)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
