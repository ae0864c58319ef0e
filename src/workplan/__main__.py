from workplan.cli import main

raise SystemExit(main())
