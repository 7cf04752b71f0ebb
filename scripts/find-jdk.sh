# Sourced by ./eventline, ./mvnw and .ci/run: sets JAVA_HOME to a JDK 21 or newer.
# Looks at JAVA_HOME, then `java` on the PATH, then /usr/lib/jvm/* (newest first).
# With none, prints one line saying what to install and exits 1.

eventline_java_version() { # prints the feature version of the java at $1 (e.g. 17, 21, 25)
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9.]*\).*/\1/p' | cut -d. -f1
}

eventline_jdk_ok() { # $1: a JDK home; true when it has java and javac of version 21+
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v=$(eventline_java_version "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

eventline_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && eventline_jdk_ok "$JAVA_HOME"; then
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if eventline_jdk_ok "$candidate"; then
      JAVA_HOME=$candidate
      return 0
    fi
  fi
  # find, not a glob: mvnw runs with globbing off (set -f).
  for candidate in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort -rV); do
    if eventline_jdk_ok "$candidate"; then
      JAVA_HOME=$candidate
      return 0
    fi
  done
  echo "eventline: a JDK 21 or newer is required and none was found (JAVA_HOME, java on the PATH, /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21, or set JAVA_HOME to it" >&2
  exit 1
}

eventline_find_jdk
export JAVA_HOME
EVENTLINE_JAVA_VERSION=$(eventline_java_version "$JAVA_HOME/bin/java")
# JDK 24+ warns about sun.misc.Unsafe (used by kafka-clients, Maven's guice) without this flag.
if [ "$EVENTLINE_JAVA_VERSION" -ge 24 ]; then
  EVENTLINE_JVM_FLAGS="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
else
  EVENTLINE_JVM_FLAGS=""
fi
