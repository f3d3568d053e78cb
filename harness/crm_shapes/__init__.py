"""The demo CRM written in the shapes other CRMs land in (one module per CRM)."""
