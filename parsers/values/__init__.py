"""Values inside text: numbers, units, dates."""
