from congphuong.conftest import *  # noqa: F403  (share the ward fixtures with tests/)
