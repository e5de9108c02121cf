"""Pure rules of monitoring reports (no Django): comment periods, answers, publication."""
