"""The demo: the bundled example plan, part-way through its year, and one account for each role.

It sits above every app (it drives the actions of all of them), so it is a small app of its own
on top of the layers rather than part of one of them: its `demo` command needs an app to live in.
"""
