"""Extensions: the run verdict (a spidermon monitor suite) and the JSON run report."""
