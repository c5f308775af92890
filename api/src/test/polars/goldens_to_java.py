import sys, re
text = open(sys.argv[1]).read()
parts = text.split("===== ")[1:]
methods = []
for part in parts:
    header, rest = part.split("\n", 1)
    name, _, comment = header.partition(" ")
    java, expected = rest.split("\n-----\n", 1)
    expected = expected.rstrip("\n")
    java = java.strip()
    if comment == "describe":
        body = f"""    try (DataFrame frame = {java};
        DataFrame described = frame.describe()) {{
      assertThat(described.toString()).isEqualTo({expected});
    }}"""
    elif comment == "describeNone":
        body = f"""    try (DataFrame frame = {java};
        DataFrame described = frame.describe(new double[0])) {{
      assertThat(described.toString()).isEqualTo({expected});
    }}"""
    elif comment == "glimpse":
        body = f"""    try (DataFrame frame = {java}) {{
      assertThat(frame.glimpse()).isEqualTo({expected});
    }}"""
    else:
        body = f"""    try (DataFrame frame = {java}) {{
      assertThat(frame.toString()).isEqualTo({expected});
    }}"""
    methods.append(f"""  @Test
  void {name}() {{
{body}
  }}
""")
print("\n".join(methods))
