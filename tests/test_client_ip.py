"""The visitor's address (v4project/client_ip.py): X-Forwarded-For counts only from a trusted proxy."""

import ipaddress

import pytest
from django.test import RequestFactory

from v4project.client_ip import client_ip

PROXY = "127.0.0.1"


def request_from(remote: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network(PROXY), ipaddress.ip_network("10.0.0.0/24")]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert client_ip(request_from(PROXY, "198.51.100.1")) == PROXY


def test_from_a_trusted_proxy_the_address_it_saw_counts(behind_proxy):
    assert client_ip(request_from(PROXY, "198.51.100.1")) == "198.51.100.1"
    assert client_ip(request_from("10.0.0.9", "198.51.100.1")) == "198.51.100.1"


def test_what_the_client_prepended_to_the_header_does_not_count(behind_proxy):
    # A proxy that appends (nginx's $proxy_add_x_forwarded_for) leaves the client's own text on the left.
    assert client_ip(request_from(PROXY, "192.0.2.66, 198.51.100.1")) == "198.51.100.1"


def test_a_client_that_is_not_our_proxy_cannot_choose_its_address(behind_proxy):
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert client_ip(request_from("10.0.1.9", "198.51.100.1")) == "10.0.1.9"


def test_an_unreadable_or_missing_header_leaves_the_proxys_address(behind_proxy):
    assert client_ip(request_from(PROXY, "not-an-address")) == PROXY
    assert client_ip(request_from(PROXY)) == PROXY


def test_ipv6_and_ports_are_read(behind_proxy):
    assert client_ip(request_from(PROXY, "[2001:db8::1]:443")) == "2001:db8::1"
    assert client_ip(request_from(PROXY, "198.51.100.1:5555")) == "198.51.100.1"
