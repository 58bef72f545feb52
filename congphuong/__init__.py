"""Cổng Phường: e-portals for Vietnam's commune-level People's Committees."""
