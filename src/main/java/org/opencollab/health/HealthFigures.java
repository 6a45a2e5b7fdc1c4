package org.opencollab.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opencollab.arbitration.ArbitrationVariables;
import org.opencollab.identity.Department;
import org.opencollab.opportunity.OpportunityVariables;
import org.opencollab.variables.JsonVariables;

/**
 * The figures of one health check, counted as the history of its period is read
 * (docs/collaboration-health.md, "What the report holds"): per department its tasks, claim and
 * completion times, missed service levels, disputes and peer scores; overall the opportunities,
 * outcomes, agreements, disputes and rulings; the people judged free riders and the opportunities
 * with sprints at risk in a row; per department also the opportunities of its teams and the
 * committee rulings it was party to, for its own maturity levels. Plain arithmetic over what it is
 * told, no engine.
 */
final class HealthFigures {

  static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
  private static final int EVIDENCE_LIMIT = 10;
  private static final int SLOWEST_KEPT = 5;

  /** A task as history recorded it; {@code ended} is null while it is open. */
  record Task(
      String id,
      String name,
      String processInstanceId,
      Instant created,
      Instant ended,
      boolean completed) {}

  /** What one department did in the period. */
  static final class DepartmentFigures {
    final Durations claim = new Durations();
    final Durations completion = new Durations();
    int tasksCompleted;
    int tasksWaiting;
    int slaTimersFired;
    int disputesRaised;
    int disputesAgainst;
    int opportunitiesStarted;
    int opportunitiesWithTech;
    int won;
    int wonWithInnovation;
    int committeeRulings;
    BigDecimal peerScoreSum = BigDecimal.ZERO;
    int peerScores;
    final ArrayNode disputesAgainstEvidence = JSON.arrayNode();
    final PriorityQueue<ObjectNode> slowestClaims =
        new PriorityQueue<>(Comparator.comparingLong(task -> task.get("claimMillis").asLong()));
  }

  final Map<String, DepartmentFigures> departments = new LinkedHashMap<>();
  int opportunitiesStarted;
  int opportunitiesWithTech;
  int delivered;
  int failedInDelivery;
  int lost;
  int disqualified;
  int wonWithInnovation;
  int slaTimersFired;
  int customerFeedbackItems;
  final Durations feedbackAnswers = new Durations();
  int disputesRaised;
  int disputesSettled;
  int settledByMediation;
  int committeeRulings;
  final Durations toSignedAgreement = new Durations();
  final Durations arbitrations = new Durations();
  final Map<String, ArrayNode> freeRiderJudgements = new TreeMap<>();
  final Map<String, ObjectNode> sprintsAtRisk = new TreeMap<>();

  HealthFigures() {
    for (Department department : Department.values()) {
      departments.put(department.name(), new DepartmentFigures());
    }
  }

  /**
   * A task created in the period, of {@code department}. An {@code offered} task (offered to the
   * department's group) counts its claim time, from creation to {@code pickedUp} (its first
   * assignee, or its completion when nobody claimed it); one still unclaimed and open is waiting.
   */
  void task(String department, Task task, boolean offered, Instant pickedUp) {
    DepartmentFigures figures = departments.get(department);
    long created = task.created().toEpochMilli();
    if (task.completed()) {
      figures.tasksCompleted++;
      figures.completion.add(task.ended().toEpochMilli() - created);
    }
    if (!offered) {
      return;
    }
    Instant claimed = pickedUp == null && task.completed() ? task.ended() : pickedUp;
    if (claimed == null) {
      if (task.ended() == null) {
        figures.tasksWaiting++;
      }
      return;
    }
    long millis = claimed.toEpochMilli() - created;
    figures.claim.add(millis);
    ObjectNode evidence = JSON.objectNode();
    evidence.put("claimMillis", millis);
    evidence.put("task", task.name());
    evidence.put("taskId", task.id());
    evidence.put("processInstanceId", task.processInstanceId());
    evidence.put("created", task.created().toString());
    evidence.put("claimHours", Durations.hours(BigDecimal.valueOf(millis)));
    figures.slowestClaims.add(evidence);
    if (figures.slowestClaims.size() > SLOWEST_KEPT) {
      figures.slowestClaims.poll();
    }
  }

  /**
   * An item of customer feedback recorded in the period, and, once tech answered it, how long the
   * answer took ({@code null}: not answered yet).
   */
  void customerFeedback(Long answeredAfterMillis) {
    customerFeedbackItems++;
    if (answeredAfterMillis != null) {
      feedbackAnswers.add(answeredAfterMillis);
    }
  }

  /** A timer on a task (a due date or a reminder missed) fired, on a department's task or not. */
  void slaTimer(Optional<String> department) {
    slaTimersFired++;
    department.ifPresent(code -> departments.get(code).slaTimersFired++);
  }

  /** A dispute raised in the period, with its variables as it was raised. */
  void disputeRaised(String disputeId, Map<String, Object> dispute) {
    disputesRaised++;
    DepartmentFigures raisedBy =
        departments.get(String.valueOf(dispute.get(ArbitrationVariables.RAISED_BY_DEPARTMENT)));
    if (raisedBy != null) {
      raisedBy.disputesRaised++;
    }
    DepartmentFigures against =
        departments.get(String.valueOf(dispute.get(ArbitrationVariables.AGAINST_DEPARTMENT)));
    if (against != null) {
      against.disputesAgainst++;
      if (against.disputesAgainstEvidence.size() < EVIDENCE_LIMIT) {
        ObjectNode evidence = against.disputesAgainstEvidence.addObject();
        evidence.put("disputeId", disputeId);
        evidence.put(
            "opportunityId", String.valueOf(dispute.get(ArbitrationVariables.OPPORTUNITY_ID)));
        evidence.put("disputeType", String.valueOf(dispute.get(ArbitrationVariables.DISPUTE_TYPE)));
        evidence.put(
            "raisedBy", String.valueOf(dispute.get(ArbitrationVariables.RAISED_BY_DEPARTMENT)));
      }
    }
  }

  /** A dispute that ended in the period with a ruling: how long it took, and who decided. */
  void disputeSettled(long millis, Object ruling) {
    disputeSettled(millis, ruling, Set.of());
  }

  /**
   * A dispute that ended in the period with a ruling, between the departments {@code parties} (the
   * one that raised it and the one it was against): a committee's ruling counts for both.
   */
  void disputeSettled(long millis, Object ruling, Set<String> parties) {
    disputesSettled++;
    arbitrations.add(millis);
    if ("MEDIATION".equals(JsonVariables.object(ruling).path("decidedBy").asText())) {
      settledByMediation++;
    } else {
      committeeRulings++;
      ofDepartments(parties).forEach(figures -> figures.committeeRulings++);
    }
  }

  /** An opportunity identified in the period, with the decided participation of tech. */
  void opportunityStarted(Object techParticipation) {
    opportunityStarted(techParticipation, null);
  }

  /**
   * An opportunity identified in the period, with the decided participation of tech and its team as
   * it stands ({@code teamMembers}, null before the team is formed): it counts for each department
   * of the team too.
   */
  void opportunityStarted(Object techParticipation, Object teamMembers) {
    boolean withTech = techParticipation != null && !"NONE".equals(techParticipation);
    opportunitiesStarted++;
    if (withTech) {
      opportunitiesWithTech++;
    }
    for (DepartmentFigures figures : ofDepartments(teamDepartments(teamMembers))) {
      figures.opportunitiesStarted++;
      if (withTech) {
        figures.opportunitiesWithTech++;
      }
    }
  }

  /** The departments of a {@code teamMembers} Json array; none when it is null. */
  static Set<String> teamDepartments(Object teamMembers) {
    Set<String> departments = new TreeSet<>();
    if (teamMembers != null) {
      for (JsonNode member : JsonVariables.array(teamMembers)) {
        departments.add(member.path("department").asText());
      }
    }
    return departments;
  }

  private List<DepartmentFigures> ofDepartments(Set<String> codes) {
    return codes.stream().map(departments::get).filter(Objects::nonNull).toList();
  }

  /**
   * An opportunity finished in the period, with its outcome and its statement: the incentive
   * statement of a delivered one (peer scores and free riders), the loss statement of one lost or
   * failed in delivery (free riders).
   */
  void opportunityFinished(Map<String, Object> opportunity) {
    String outcome = String.valueOf(opportunity.get(OpportunityVariables.FINAL_OUTCOME));
    switch (outcome) {
      case "DELIVERED" -> delivered++;
      case "DELIVERY_FAILED" -> failedInDelivery++;
      case "LOST" -> lost++;
      case "DISQUALIFIED" -> disqualified++;
      default -> {
        return;
      }
    }
    boolean won = outcome.equals("DELIVERED") || outcome.equals("DELIVERY_FAILED");
    boolean innovation =
        Boolean.TRUE.equals(opportunity.get(OpportunityVariables.NEW_PRODUCT))
            || Boolean.TRUE.equals(opportunity.get(OpportunityVariables.PRESS_RELEASE_REQUIRED));
    if (won && innovation) {
      wonWithInnovation++;
    }
    if (won) {
      for (DepartmentFigures figures :
          ofDepartments(teamDepartments(opportunity.get(OpportunityVariables.TEAM_MEMBERS)))) {
        figures.won++;
        if (innovation) {
          figures.wonWithInnovation++;
        }
      }
    }
    String opportunityId = String.valueOf(opportunity.get(OpportunityVariables.OPPORTUNITY_ID));
    Object statement = opportunity.get(OpportunityVariables.INCENTIVE_STATEMENT);
    if (outcome.equals("DELIVERED") && statement != null) {
      for (JsonNode member : JsonVariables.object(statement).path("members")) {
        DepartmentFigures figures = departments.get(member.path("department").asText());
        BigDecimal score = new BigDecimal(member.path("peerScore").asText());
        if (figures != null) {
          figures.peerScoreSum = figures.peerScoreSum.add(score);
          figures.peerScores++;
        }
        freeRider(opportunityId, member);
      }
    }
    // Free riders escape nothing when the deal fails: the loss statement names them too (搭便车).
    Object loss = opportunity.get(OpportunityVariables.LOSS_STATEMENT);
    if ((outcome.equals("LOST") || outcome.equals("DELIVERY_FAILED")) && loss != null) {
      for (JsonNode member : JsonVariables.object(loss).path("members")) {
        freeRider(opportunityId, member);
      }
    }
  }

  /**
   * A member of an opportunity's statement: a judgement when the statement calls them a free rider.
   */
  private void freeRider(String opportunityId, JsonNode member) {
    if (!member.path("freeRider").asBoolean()) {
      return;
    }
    ObjectNode judgement =
        freeRiderJudgements
            .computeIfAbsent(member.path("userId").asText(), user -> JSON.arrayNode())
            .addObject();
    judgement.put("opportunityId", opportunityId);
    judgement.put("department", member.path("department").asText());
    judgement.put("peerScore", member.path("peerScore").asText());
  }

  /** An agreement came into force in the period, {@code millis} after identification. */
  void agreementSigned(long millis) {
    toSignedAgreement.add(millis);
  }

  /**
   * An opportunity whose last {@code reviewedInPeriod} sprint reviews fell in the period: the
   * longest run of AT_RISK among them, if any.
   */
  void sprintReviews(Map<String, Object> opportunity, int reviewedInPeriod) {
    Object recorded = opportunity.get(OpportunityVariables.SPRINT_REVIEWS);
    if (recorded == null) {
      return;
    }
    ArrayNode reviews = JsonVariables.array(recorded);
    ArrayNode longest = JSON.arrayNode();
    ArrayNode run = JSON.arrayNode();
    for (int index = Math.max(0, reviews.size() - reviewedInPeriod);
        index < reviews.size();
        index++) {
      JsonNode review = reviews.get(index);
      if ("AT_RISK".equals(review.path("status").asText())) {
        run.add(review.path("sprint").asInt());
        if (run.size() > longest.size()) {
          longest = run.deepCopy();
        }
      } else {
        run.removeAll();
      }
    }
    if (!longest.isEmpty()) {
      String id = String.valueOf(opportunity.get(OpportunityVariables.OPPORTUNITY_ID));
      ObjectNode evidence = JSON.objectNode();
      evidence.put("opportunityId", id);
      evidence.set("sprints", longest);
      sprintsAtRisk.put(id, evidence);
    }
  }

  /** Offered tasks picked up, over all departments, and how many of them within a day. */
  int tasksClaimed() {
    return departments.values().stream().mapToInt(figures -> figures.claim.count()).sum();
  }

  int tasksClaimedWithinADay() {
    return departments.values().stream()
        .mapToInt(figures -> figures.claim.countAtMost(HistoryWindow.DAY_MILLIS))
        .sum();
  }
}
