package org.opencollab.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.opencollab.identity.Department;
import org.opencollab.notify.TaskMails.Recipients;
import org.springframework.stereotype.Component;

/**
 * A warning of a collaboration health check reaches people (docs/collaboration-health.md, "Who
 * hears of a warning"): by mail the members of the department it concerns and the executive
 * sponsors of the opportunities in its evidence, and the department's chat group where it has one.
 * Each message leaves after the step that sends it commits, once per warning and recipient (the
 * notice's key with the address, or with the chat group).
 */
@Component
public class WarningNotices {

  /**
   * One warning as a person reads it.
   *
   * @param key unique per report and warning, such as the check's instance id and the warning's
   *     number
   * @param department the code of the department it concerns, or null
   * @param sponsors the executive sponsors of the opportunities in its evidence, by opportunity id
   */
  public record Notice(
      String key,
      String warningName,
      String subjectName,
      String condition,
      String evidenceText,
      String department,
      Map<String, String> sponsors) {

    public Notice {
      sponsors = Map.copyOf(sponsors);
    }
  }

  private final Outbox outbox;
  private final ChatOutbox chat;

  public WarningNotices(Outbox outbox, ChatOutbox chat) {
    this.outbox = outbox;
    this.chat = chat;
  }

  /**
   * Queues the mails and the chat post of {@code notice}.
   *
   * @return how many were queued
   */
  public int send(IdentityService identity, Notice notice) {
    int queued = 0;
    if (notice.department() != null && chat.enabled(notice.department())) {
      if (chat.queue(notice.department(), notice.key() + ":chat", chatText(notice), List.of())) {
        queued++;
      }
    }
    if (!outbox.enabled()) {
      return queued;
    }
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    Set<String> members = new java.util.HashSet<>();
    if (notice.department() != null) {
      String[] names = Department.labelOf(notice.department()).split(" / ");
      String english = names[0];
      String chinese = names.length > 1 ? names[1] : names[0];
      for (String address :
          Recipients.groups(identity, Set.of(notice.department().toLowerCase(Locale.ROOT)))) {
        reasons
            .computeIfAbsent(address, to -> new ArrayList<>())
            .add("you are a member of " + english + " / 您是" + chinese + "的成员");
        members.add(address);
      }
    }
    Map<String, SortedSet<String>> sponsored = new LinkedHashMap<>();
    notice
        .sponsors()
        .forEach(
            (opportunity, sponsor) ->
                sponsored.computeIfAbsent(sponsor, user -> new TreeSet<>()).add(opportunity));
    sponsored.forEach(
        (sponsor, opportunities) -> {
          String which = String.join(", ", opportunities);
          for (String address : Recipients.users(identity, Set.of(sponsor))) {
            reasons
                .computeIfAbsent(address, to -> new ArrayList<>())
                .add("you sponsor " + which + " / 您是 " + which + " 的执行发起人");
          }
        });
    for (Map.Entry<String, List<String>> recipient : reasons.entrySet()) {
      if (outbox.queue(
          notice.key() + ":" + recipient.getKey(),
          mail(
              notice,
              recipient.getKey(),
              recipient.getValue(),
              members.contains(recipient.getKey())))) {
        queued++;
      }
    }
    return queued;
  }

  /**
   * The mail to one recipient. Only the department's own members read the evidence: a sponsor reads
   * that a warning concerns their opportunity, not a person's scores on other opportunities, which
   * are confidential; the evidence is in the health report for those who may read it.
   */
  private Mail mail(Notice notice, String to, List<String> reasons, boolean evidence) {
    StringBuilder body = new StringBuilder();
    body.append("The collaboration health check found a warning.\n");
    body.append("协作健康检查发现一项预警。\n\n");
    body.append("  Warning / 预警: ").append(notice.warningName()).append('\n');
    body.append("  Who / 对象: ").append(notice.subjectName()).append('\n');
    body.append("  Condition / 条件: ").append(notice.condition()).append('\n');
    body.append("  Evidence / 依据: ")
        .append(
            evidence
                ? notice.evidenceText()
                : "in the health report, for those who may read it / 见健康报告（限有权查看者）")
        .append('\n');
    body.append("  Why you hear of it / 您收到此邮件的原因: ")
        .append(String.join("; ", reasons))
        .append('\n');
    body.append("  The health report / 健康报告: ").append(healthLink()).append("\n\n");
    body.append("A collaboration coordinator follows the warning up; the next report shows what")
        .append(" was done.\n");
    body.append("协作协调员将跟进此预警，下一份报告会列出跟进情况。\n\n");
    body.append("Opportunity collaboration / 商机协作\n");
    return new Mail(
        List.of(to),
        "Collaboration warning / 协作预警: " + notice.warningName() + " — " + notice.subjectName(),
        body.toString());
  }

  private String chatText(Notice notice) {
    return "Collaboration warning / 协作预警: "
        + notice.warningName()
        + " — "
        + notice.subjectName()
        + "\n"
        + notice.evidenceText()
        + "\n"
        + healthLink();
  }

  private String healthLink() {
    return outbox.settings().baseUrl().replaceAll("/+$", "") + "/health";
  }
}
