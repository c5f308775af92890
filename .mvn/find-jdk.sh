#!/bin/sh
# Prints the home of a JDK >= 25 and exits 0, or explains what to install and exits 1.
# Order: $JAVA_HOME if it is >= 25; else the newest JDK >= 25 among the usual install folders,
# judged by each JDK's `release` file. Used by ./mvnw and ./floe so that a fresh clone works
# on machines whose default `java` is older (e.g. 17).
required=25

major_of() { # $1 = JDK home; prints its feature version or nothing
  [ -f "$1/release" ] && [ -x "$1/bin/javac" ] || return 0
  version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" | head -n 1)
  case "$version" in 1.*) version=${version#1.} ;; esac
  printf '%s\n' "${version%%[.+-]*}"
}

if [ -n "${JAVA_HOME-}" ]; then
  major=$(major_of "$JAVA_HOME")
  if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
    printf '%s\n' "$JAVA_HOME"
    exit 0
  fi
fi

best="" best_major=0
for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
  [ -d "$home" ] || continue
  major=$(major_of "$home")
  [ -n "$major" ] || continue
  if [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
    best=$home best_major=$major
  fi
done

if [ -z "$best" ]; then
  echo "Floe needs a JDK $required or newer and found none (JAVA_HOME='${JAVA_HOME-}', searched /usr/lib/jvm and the usual install folders)." >&2
  echo "Install one (e.g. Temurin $required) and/or set JAVA_HOME to it, then run the command again." >&2
  exit 1
fi
printf '%s\n' "$best"
