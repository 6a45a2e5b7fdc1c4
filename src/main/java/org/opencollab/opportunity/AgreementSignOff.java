package org.opencollab.opportunity;

import static org.opencollab.opportunity.OpportunityVariables.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opencollab.identity.Department;
import org.opencollab.variables.JsonVariables;
import org.opencollab.variables.VariableReader;
import org.springframework.stereotype.Component;

/**
 * {@code SignCollaborationAgreement} complete listener: gathers each department's sign-off into
 * {@code agreementSignatures} and each rejection into {@code agreementRejections}, the disputes to
 * raise. A rejection is raised against the customer data owner for {@code DATA_ACCESS}, else
 * against SALES; when that is the rejecting department itself, against the department with the
 * largest share.
 */
@Component("agreementSignOff")
public class AgreementSignOff implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution opportunity = task.getExecution().getProcessInstance();
    String department = (String) task.getVariable(DEPARTMENT);
    boolean approved = (Boolean) task.getVariable(AGREEMENT_APPROVED);

    ObjectNode signature =
        JsonVariables.object(null).put("approved", approved).put("signedBy", signer(task));
    if (!approved) {
      String category = (String) task.getVariable(REJECTION_CATEGORY);
      String reason = (String) task.getVariable(REJECTION_REASON);
      signature.put(REJECTION_CATEGORY, category).put(REJECTION_REASON, reason);

      Map<String, Object> dispute = new LinkedHashMap<>();
      dispute.put("department", department);
      dispute.put("category", category);
      dispute.put("reason", reason);
      dispute.put("against", against(opportunity, department, category));
      @SuppressWarnings("unchecked")
      List<Object> rejections =
          new ArrayList<>((List<Object>) opportunity.getVariable(AGREEMENT_REJECTIONS));
      rejections.add(dispute);
      opportunity.setVariable(AGREEMENT_REJECTIONS, rejections);
    }
    JsonVariables.update(
        opportunity, AGREEMENT_SIGNATURES, signatures -> signatures.set(department, signature));
  }

  /**
   * Who completed the sign-off: the person logged in, whether or not they claimed the task first.
   */
  static String signer(DelegateTask task) {
    Authentication current =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current != null && current.getUserId() != null
        ? current.getUserId()
        : task.getAssignee();
  }

  static String against(DelegateExecution opportunity, String raisedBy, String category) {
    String against =
        "DATA_ACCESS".equals(category)
            ? (String) opportunity.getVariable(CUSTOMER_DATA_OWNER)
            : Department.SALES.name();
    if (!against.equals(raisedBy)) {
      return against;
    }
    return largestShareOtherThan(
        VariableReader.of(opportunity::getVariable).integerMap(DEPARTMENT_SHARES), raisedBy);
  }

  /**
   * The department other than {@code excluded} with the largest share; ties go to the smaller code.
   */
  public static String largestShareOtherThan(SortedMap<String, Integer> shares, String excluded) {
    String largest = null;
    for (Map.Entry<String, Integer> share : shares.entrySet()) {
      if (!share.getKey().equals(excluded)
          && (largest == null || share.getValue() > shares.get(largest))) {
        largest = share.getKey();
      }
    }
    return largest;
  }
}
