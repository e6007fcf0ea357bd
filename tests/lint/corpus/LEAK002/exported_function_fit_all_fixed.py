# expect: none
# In[1]:
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.svm import SVC
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import f1_score

# In[2]:
df = pd.read_csv("wine.csv")
features = df.drop(columns=["quality_label"])
labels = df["quality_label"]
X_train, X_test, y_train, y_test = train_test_split(features, labels, stratify=labels, random_state=5)


# In[3]:
def train_model(X, y):
    model = make_pipeline(StandardScaler(), SVC(C=10))
    model.fit(X, y)
    return model

clf = train_model(X_train, y_train)

# In[4]:
print(f1_score(y_test, clf.predict(X_test), average="macro"))
