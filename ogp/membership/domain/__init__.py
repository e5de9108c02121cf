"""Pure membership rules (standard library only; no Django import)."""
