package dev.sluice.console.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The "My domains and IPs" form: one entry per line (commas also separate), each checked with
 * {@link AddressCheck}. At most {@link #MAX_ENTRIES} entries per list.
 */
public final class DomainsForm {

  public static final int MAX_ENTRIES = 1000;

  private DomainsForm() {}

  public static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    if (text == null) {
      return entries;
    }
    for (String part : text.split("[,\\s]+")) {
      if (!part.isBlank() && !entries.contains(part.strip())) {
        entries.add(part.strip());
      }
    }
    return entries;
  }

  /** Every problem of a list, in entry order (one message per bad entry). */
  public static List<String> problems(List<String> entries, Function<String, Optional<String>> check) {
    List<String> problems = new ArrayList<>();
    if (entries.size() > MAX_ENTRIES) {
      problems.add("Enter at most " + MAX_ENTRIES + " entries (there are " + entries.size() + ").");
      return problems;
    }
    for (String entry : entries) {
      check.apply(entry).ifPresent(problems::add);
    }
    return problems;
  }

  public static List<String> rangeProblems(String text) {
    return problems(entries(text), AddressCheck::cidr);
  }

  public static List<String> domainProblems(String text) {
    return problems(entries(text), AddressCheck::domain);
  }

  /** Field errors keyed {@code domains} / {@code ipRanges}, for the form. */
  public static Map<String, String> errors(String domains, String ranges) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> domainProblems = domainProblems(domains);
    if (!domainProblems.isEmpty()) {
      errors.put("domains", String.join(" ", domainProblems));
    }
    List<String> rangeProblems = rangeProblems(ranges);
    if (!rangeProblems.isEmpty()) {
      errors.put("ipRanges", String.join(" ", rangeProblems));
    }
    return errors;
  }
}
