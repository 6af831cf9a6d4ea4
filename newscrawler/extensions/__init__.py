"""Extensions: the run report written at spider close and its extraction-collapse verdict."""
