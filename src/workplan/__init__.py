"""workplan — 工作要点督办系统."""
