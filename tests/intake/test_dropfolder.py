from pathlib import Path

from intake.daemon.dropfolder import pending_files, scan_once
from matchers import CatalogIndex
from tests.paths import SAMPLES


def test_a_pass_takes_every_file_once_and_moves_it_after_commit(tmp_path: Path, loaded_store, settings):
    inbox = tmp_path / "inbox"
    (inbox / "new").mkdir(parents=True)
    (inbox / "001.eml").write_bytes((SAMPLES / "emails" / "001.eml").read_bytes())
    (inbox / "new" / "1700000000.M1.host").write_bytes((SAMPLES / "emails" / "028.eml").read_bytes())
    (inbox / "broken.eml").write_bytes(b"")
    index = CatalogIndex.build(loaded_store.load_reference())

    assert scan_once(inbox, loaded_store, index=index, settings=settings) == 3

    assert list(pending_files(inbox)) == []
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == ["001.eml", "1700000000.M1.host"]
    assert [p.name for p in (inbox / "failed").iterdir()] == ["broken.eml"]
    assert sorted(m.state for m in loaded_store.list_messages()) == ["failed", "processed", "processed"]
    assert len(loaded_store.order_records()) == 1


def test_a_file_dropped_again_is_not_a_second_order(tmp_path: Path, loaded_store, settings):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    index = CatalogIndex.build(loaded_store.load_reference())
    for _ in range(2):
        (inbox / "001.eml").write_bytes((SAMPLES / "emails" / "001.eml").read_bytes())
        scan_once(inbox, loaded_store, index=index, settings=settings)
    assert len(loaded_store.order_records()) == 1
    assert len(list((inbox / "processed").iterdir())) == 2
