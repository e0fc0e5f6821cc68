"""One export mechanism: an export is columns and rows; renderers turn it into CSV or Excel."""

from .tables import Column, TableExport, export_response, plain_cell, render_csv, render_xlsx, safe_cell

__all__ = ["Column", "TableExport", "export_response", "plain_cell", "render_csv", "render_xlsx", "safe_cell"]
