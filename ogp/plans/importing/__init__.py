"""OGP's commitments & IRM data sheet: ``sheet`` parses it (pure), ``load`` writes it."""
