#!/usr/bin/env python3
"""score_errorcheck.py - the shared errorcheck scorer, for every errorcheck test.

tests/tools/errorcheck_score.py (a copy of ../shared/tools) scores only `-m` tests. Syntax error
tests (`// errorcheck` without -m) follow the same recipe in run.go, so this
wrapper loads the scorer and widens its test filter; all options are the
scorer's (see its --help). SCORER overrides the scorer's path.
"""
import importlib.util
import os
import sys

path = os.environ.get("SCORER", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "errorcheck_score.py"))
spec = importlib.util.spec_from_file_location("errorcheck_score", path)
ec = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ec)
ec.is_m_test = lambda recipe: recipe.get("action") in ec.ERRORCHECK_ACTIONS
sys.exit(ec.main())
