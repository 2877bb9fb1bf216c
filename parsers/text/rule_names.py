"""Names of the text readers' rules that the checks compare a value's provenance with.

Apart from the readers: the process that decides and stores reads these names and must not
import the readers' patterns to know them."""

from __future__ import annotations

# A PO read from a heading that opens a section of the body ('Commande HSA-1112 :').
PO_HEADING = "po-heading"

# The places a correction of the order was read from ('le dégraissant c'est 3 bidons et pas 2', 'make
# that 6 kg'): the correction is read there, not whatever else the sentence orders.
CORRECTION_RULES = frozenset({"correction", "forward-override"})

# A ship-to read from an address block a document prints in its head with no label: the customer's
# address on file is the same place (parsers/documents/pdf/boxes.py reads it, the matchers compare).
BOX_RULE = "pdf-address-box"
