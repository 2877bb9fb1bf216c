"""The checks one by one: authentication verdicts, look-alike domains, rules and routing files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from intake.cli import main
from intake.routing.checks import CheckContext, parse_authentication_results
from intake.routing.checks.amounts import check_prices
from intake.routing.checks.lines import check_quantities, check_units
from intake.routing.checks.lookalike import check_lookalike_sender, decode_domain, imitates
from intake.routing.checks.rules import default_rules, load_rules
from intake.routing.checks.sender import authentication_verdict, check_authentication
from intake.routing.checks.sizes import check_sizes, numbers
from intake.routing.checks.written import written_values
from intake.routing.policy import current_routing, load_routing, policy_for
from models import Candidate, ConfigError, Evidence, Provenance, RoutingMode, Settings
from parsers.values.units import same_unit, unit_key
from tests.factories.pipeline import CUSTOMERS, PRODUCTS, make_line, make_matched_order, make_parsed

AR = {
    "dmarc pass": (
        "mx.example.fr; dkim=fail header.d=martin-btp.fr; dmarc=pass header.from=martin-btp.fr",
        "pass",
    ),
    "dmarc fail": ("mx.example.fr; spf=pass smtp.mailfrom=martin-btp.fr; dmarc=fail (p=reject)", "fail"),
    "aligned dkim": ("mx.example.fr 1; dkim=pass (2048-bit key) header.d=martin-btp.fr header.s=s1", "pass"),
    "dkim of another domain": ("mx.example.fr; dkim=pass header.d=mailer.example.com", "none"),
    "aligned spf from a subdomain": (
        "mx.example.fr; spf=pass smtp.mailfrom=bounce@mail.martin-btp.fr",
        "pass",
    ),
    "spf hard fail": ("mx.example.fr; spf=fail smtp.mailfrom=martin-btp.fr", "fail"),
    "softfail only": ("mx.example.fr; spf=softfail smtp.mailfrom=martin-btp.fr", "none"),
    "nothing checked": ("mx.example.fr; none", "none"),
}


@pytest.mark.parametrize(("header", "verdict"), AR.values(), ids=AR.keys())
def test_authentication_results_give_a_verdict_for_the_sender_domain(header: str, verdict: str):
    assert authentication_verdict(parse_authentication_results(header), "martin-btp.fr") == verdict


def test_authentication_results_are_read_with_comments_and_quoted_values():
    header = 'mx.example.fr; dkim=pass (good signature) header.d="martin-btp.fr" header.b=AbC; spf=none'
    results = parse_authentication_results(header)
    assert [(r.method, r.result) for r in results] == [("dkim", "pass"), ("spf", "none")]
    assert results[0].properties["header.d"] == "martin-btp.fr"


FORGED_BELOW = "['mx.ours.fr; dmarc=fail header.from=martin-btp.fr', 'forged.example; dmarc=pass header.from=martin-btp.fr']"


@pytest.mark.parametrize(
    ("authserv_id", "code"),
    [
        (None, "sender_not_authenticated"),
        ("mx.ours.fr", "sender_not_authenticated"),
        ("forged.example", None),
    ],
    ids=["topmost header", "our server named", "a server named that wrote a pass"],
)
def test_only_the_trusted_server_s_verdict_counts(authserv_id: str | None, code: str | None):
    parsed = make_parsed(auth=FORGED_BELOW)
    ctx = CheckContext(
        parsed=parsed, matched=make_matched_order(), settings=Settings(trusted_authserv_id=authserv_id)
    )
    assert [r.code for r in check_authentication(ctx)] == ([code] if code else [])


LOOKALIKES = {
    "one letter changed": ("martin-btb.fr", True),
    "two letters swapped": ("martin-bpt.fr", True),
    "another top-level domain": ("martin-btp.com", True),
    "rn for m": ("rnartin-btp.fr", True),
    "digit for a letter": ("martin-b7p.fr", True),
    "cyrillic a in punycode": ("xn--mrtin-btp-0yh.fr", True),
    "the name under a foreign domain": ("martin-btp.commandes-pro.com", True),
    "the domain itself": ("martin-btp.fr", False),
    "a subdomain of it": ("mail.martin-btp.fr", False),
    "an unrelated domain": ("dupuy-plomberie.fr", False),
    "a short name one letter off": ("abcd.fr", False),
}


@pytest.mark.parametrize(("domain", "expected"), LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_a_domain_that_only_looks_like_a_customer_s_is_caught(domain: str, expected: bool):
    known = "abce.fr" if domain == "abcd.fr" else "martin-btp.fr"
    assert imitates(domain, known, default_rules()) is expected


def test_punycode_labels_are_shown_as_their_letters():
    assert decode_domain("xn--mrtin-btp-0yh.fr") == "mаrtin-btp.fr"


def test_a_public_mailbox_provider_is_not_taken_for_a_customer_domain():
    # G003's contact is at orange.fr: a sender at orange.com imitates no customer.
    ctx = CheckContext(
        parsed=make_parsed(sender="someone@orange.com"), matched=make_matched_order(), customers=CUSTOMERS
    )
    assert check_lookalike_sender(ctx) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vis 4x40", {"4", "40"}),
        ("sac 2,5 kg", {"2.5"}),
        ("Ø125 grain 040", {"125", "40"}),
        ("gants T10", {"10"}),
        ("EPI-CAS-01 casque blanc 2-en-1", {"2", "1"}),
        ("réf. A-5512 / BC-2026-0331 bande 50-mm", {"50"}),
    ],
    ids=["dimensions", "decimal comma", "leading zero", "size after a letter", "a code", "codes and a size"],
)
def test_numbers_of_a_wording_are_read_as_values(text: str, expected: set[str]):
    assert {f"{n:f}" for n in numbers(text)} == expected


def test_a_number_named_by_code_is_not_re_read():
    line = make_line("VIS-440-200", description="VIS-440-200 vis 4x50", score=0.95, margin=0.2)
    line.candidates = [Candidate(key="VIS-440-200", score=0.95, evidence=[Evidence(kind="sku")])]
    ctx = CheckContext(parsed=make_parsed(), matched=make_matched_order([line]), products=PRODUCTS)
    assert check_sizes(ctx) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.500 pces de gobelets", {"1.5", "1500"}),
        ("2\u202f500 pièces", {"2", "500", "2500"}),
        ("2,5 kg de sucre", {"2.5"}),
        ("deux cartons de 20 cl", {"2", "20"}),
        ("one dozen boxes", {"1", "12"}),
        ("a box of pens", {"1"}),
        ("un kilo et demi", {"1", "1.5", "0.5"}),
        ("one and a half", {"1", "1.5", "0.5"}),
        ("la paire", {"1"}),
        ("the pair", {"1"}),
        ("la semaine prochaine", set()),
        ("20 litres, en bidons de 5 L", {"20", "5", "4"}),
        ("20 litres, en bidons de 3 L", {"20", "3"}),
        ("20 litres, en bidons de 5 kg", {"20", "5"}),
    ],
    ids=[
        "dot thousands",
        "narrow no-break space",
        "decimal comma",
        "french words",
        "english words",
        "article",
        "et demi",
        "and a half",
        "the one unit",
        "the one unit en",
        "the no unit",
        "a measure in containers",
        "containers that do not divide",
        "containers of another measure",
    ],
)
def test_a_line_s_written_numbers_include_thousands_and_words(text: str, expected: set[str]):
    assert {f"{v:f}" for v in written_values(text, default_rules())} == expected


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("Boîtes", "boite"),
        ("bte", "boite"),
        ("ctn.", "carton"),
        ("rouleaux", "rouleau"),
        ("pces", "pce"),
        ("kg", "kg"),
        ("Unité(s)", "pce"),
        ("ST", "pce"),
        ("PAAR", "paire"),
        ("Btl", "sachet"),
        ("btls", "sachet"),
        ("PAK", "paquet"),
    ],
    ids=[
        "plural with accent",
        "abbreviation",
        "abbreviation with a dot",
        "plural in x",
        "pieces",
        "kilograms",
        "units with an optional plural",
        "german piece",
        "german pair",
        "german bag",
        "a short form's plural",
        "german pack",
    ],
)
def test_a_unit_is_compared_by_what_it_means(written: str, unit: str):
    assert unit_key(written) == unit


def test_the_sales_unit_written_another_way_is_not_another_unit():
    ctx = CheckContext(
        parsed=make_parsed(),
        matched=make_matched_order([make_line("VIS-440-200", unit="Boîtes")]),
        products=PRODUCTS,
    )
    assert check_units(ctx) == []


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("PAK", "boite", True),
        ("SAC", "sachet", True),
        ("Pack", "lot", True),
        ("carton", "boite", False),
        ("pce", "boite", False),
        ("ml", "m", False),
    ],
    ids=["pack and box", "bag and small bag", "pack and set", "case", "piece", "millilitre"],
)
def test_two_words_for_the_article_s_own_package_are_one_unit(one: str, other: str, same: bool):
    assert same_unit(one, other) is same


def test_kilograms_may_be_fractional_but_boxes_may_not():
    lines = [make_line("CIM-25", "2.5", unit="kg"), make_line("VIS-440-200", "2.5", number=2)]
    ctx = CheckContext(parsed=make_parsed(), matched=make_matched_order(lines), products=PRODUCTS)
    assert [r.line_no for r in check_quantities(ctx)] == [2]


def test_a_rules_file_with_a_bad_key_names_the_file_and_the_key(tmp_path: Path):
    path = tmp_path / "rules.toml"
    path.write_text('counted_units = ["pce"]\n[confusables]\n"ab" = "c"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules\.toml: confusables: .*single character"):
        load_rules(path)


def test_the_shipped_rules_load():
    rules = default_rules()
    assert "pce" in rules.counted_units and "kg" not in rules.counted_units
    assert "gmail.com" in rules.public_mail_domains


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[customers.G001]\nmode = "sometimes"\n', "customers.G001.mode"),
        ("[customers.G001]\naccept_threshold = 1.5\n", "customers.G001.accept_threshold"),
        ("[customers.G001]\nthreshold = 0.5\n", "customers.G001.threshold"),
        ("[customers.G001\n", "file"),
    ],
    ids=["unknown mode", "threshold above 1", "unknown key", "not TOML"],
)
def test_a_bad_routing_file_names_the_file_and_the_key(tmp_path: Path, text: str, key: str):
    path = tmp_path / "routing.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"routing\.toml: {key}"):
        load_routing(path)


def test_a_missing_routing_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="cannot read the file"):
        load_routing(tmp_path / "absent.toml")


def test_customer_overrides_apply_to_that_customer_only(tmp_path: Path):
    path = tmp_path / "routing.toml"
    path.write_text('[customers.G001]\nmode = "automatic"\nnew_customer_orders = 0\n', encoding="utf-8")
    routing, settings = load_routing(path), Settings()
    assert policy_for("G001", settings=settings, routing=routing).mode == RoutingMode.AUTOMATIC
    assert policy_for("G001", settings=settings, routing=routing).new_customer_orders == 0
    assert policy_for("G002", settings=settings, routing=routing).mode == RoutingMode.CONFIDENT
    assert policy_for(None, settings=settings, routing=routing).new_customer_orders == 3


ROUTING_SETTINGS = [
    "routing_mode",
    "accept_threshold",
    "routing_file",
    "new_customer_orders",
    "price_tolerance",
    "duplicate_window_days",
    "quantity_range_factor",
    "require_authentication",
    "trusted_authserv_id",
]


@pytest.mark.parametrize("name", ROUTING_SETTINGS)
def test_each_routing_setting_is_described_and_documented(name: str):
    assert Settings.model_fields[name].description
    developers = (Path(__file__).parents[2] / "DEVELOPERS.md").read_text(encoding="utf-8")
    assert f"INTAKE_{name.upper()}" in developers


def test_a_bad_routing_file_stops_a_command_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    path = tmp_path / "routing.toml"
    path.write_text('[customers.G001]\nmode = "often"\n', encoding="utf-8")
    monkeypatch.setenv("INTAKE_ROUTING_FILE", str(path))
    monkeypatch.setenv("INTAKE_DATABASE_URL", f"sqlite:///{tmp_path}/intake.db")
    monkeypatch.setenv("INTAKE_CREATE_STORE", "true")
    assert main(["messages"]) == 1
    assert "routing.toml: customers.G001.mode" in capsys.readouterr().err


def test_the_routing_file_is_read_again_only_when_it_changes(tmp_path: Path):
    path = tmp_path / "routing.toml"
    path.write_text('[customers.G001]\nmode = "automatic"\n', encoding="utf-8")
    first = current_routing(path)
    assert current_routing(path) is first
    path.write_text('[customers.G001]\nmode = "review_all"\n', encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert current_routing(path).customers["G001"].mode == RoutingMode.REVIEW_ALL


@pytest.mark.parametrize(("rule", "severity"), [("pdf-ocr", "error"), ("pdf-table", "warning")])
def test_a_price_far_from_the_catalogue_on_a_scan_is_held_in_every_mode(rule: str, severity: str):
    line = make_line("VIS-440-200", printed_price="9.00")
    price = line.line.unit_price.model_copy(
        update={"provenance": Provenance(part="attachment:po.pdf", rule=rule)}
    )
    line = line.model_copy(update={"line": line.line.model_copy(update={"unit_price": price})})
    ctx = CheckContext(parsed=make_parsed(), matched=make_matched_order([line]), products=PRODUCTS)
    assert [(r.code, r.severity) for r in check_prices(ctx)] == [("price_off", severity)]


@pytest.mark.parametrize(
    ("said", "lead", "held"),
    [
        ("projecteur LED 50W", 0.05, True),
        ("projecteur LED 50W corps blanc", 0.05, False),
        ("projecteur LED 50W", 0.2, False),
    ],
    ids=["telling-words-left-out", "telling-words-written", "a-clear-lead"],
)
def test_a_small_lead_over_a_twin_the_words_do_not_tell_apart_holds_the_line(
    said: str, lead: float, held: bool
):
    from intake.routing.checks.lines import check_lines_matched
    from matchers import CatalogIndex
    from models import ProductRow, ReferenceData

    rows = [
        ProductRow(sku="PRJ-50-N", name="Projecteur LED 50W IP65 corps noir", unit="pce"),
        ProductRow(sku="PRJ-50-B", name="Projecteur LED 50W IP65 corps blanc", unit="pce"),
    ]
    catalogue = CatalogIndex.build(ReferenceData(products=rows))
    twins = [
        Candidate(key="PRJ-50-B", label=rows[1].name, score=0.9),
        Candidate(key="PRJ-50-N", label=rows[0].name, score=round(0.9 - lead, 4)),
    ]
    line = make_line("PRJ-50-B", description=said, score=0.9, margin=lead, candidates=twins)
    ctx = CheckContext(
        parsed=make_parsed(),
        matched=make_matched_order([line]),
        products={row.sku: row for row in rows},
        catalogue=catalogue,
    )
    codes = {r.code for r in check_lines_matched(ctx)}
    assert ("line_twin_untold" in codes) is held


def test_english_words_of_the_trade_name_a_french_catalogue_for_the_unread_lines_check():
    from intake.routing.checks.catalogue_keys import catalogue_words
    from intake.routing.checks.coverage import looks_like_line
    from intake.routing.checks.reading import default_reading_rules
    from models import ProductRow

    products = {
        "LES-20": ProductRow(sku="LES-20", name="Lessive liquide tous textiles - bidon 20 L", unit="bidon")
    }
    words = catalogue_words(
        CheckContext(parsed=make_parsed(), matched=make_matched_order([]), products=products)
    )
    assert {"laundry", "liquid", "lessive"} <= words and "hard" not in words
    assert looks_like_line("3. Laundry liquid 20 L, 3", default_reading_rules(), words)
