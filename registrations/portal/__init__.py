"""The partner associations' portal: who sees which participants, the lists and their exports."""
