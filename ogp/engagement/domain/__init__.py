"""Pure rules of engagement (no Django): moderation states and digest windows."""
