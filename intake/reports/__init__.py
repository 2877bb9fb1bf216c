"""Figures over the store and over labelled messages: KPIs, their charts, intake eval and its scoring."""
