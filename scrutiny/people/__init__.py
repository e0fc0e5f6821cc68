"""Layer (b): people and organisations: agencies, people, user accounts, roles and the
permission checks built on them. It imports only `scrutiny.core`."""
